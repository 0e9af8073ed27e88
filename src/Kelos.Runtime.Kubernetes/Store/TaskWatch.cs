using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using Kelos.Core.Resources;
using Kelos.Runtime.Kubernetes.Api;
using Microsoft.Extensions.Logging;

namespace Kelos.Runtime.Kubernetes.Store;

/// <summary>
/// Keeps a watch on the namespace's Tasks open and reports every change. It resumes from the last
/// <c>resourceVersion</c> it saw when the connection ends; when the server has forgotten that version
/// (<c>410 Gone</c>) it lists again and watches from the list's version. Other failures are retried with backoff.
/// </summary>
internal sealed class TaskWatch : IAsyncDisposable
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    private readonly IKubernetes _client;
    private readonly string _namespace;
    private readonly ApiRetry _retry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Action _changed;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private int _relists;

    private TaskWatch(IKubernetes client, string @namespace, ApiRetry retry, TimeProvider time, ILogger logger, Action changed)
    {
        _client = client;
        _namespace = @namespace;
        _retry = retry;
        _time = time;
        _logger = logger;
        _changed = changed;
    }

    public int Relists => Volatile.Read(ref _relists);

    public static TaskWatch Start(IKubernetes client, string @namespace, ApiRetry retry, TimeProvider time, ILogger logger, Action changed)
    {
        var watch = new TaskWatch(client, @namespace, retry, time, logger, changed);
        watch._loop = Task.Run(() => watch.RunAsync(watch._stop.Token));
        return watch;
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        string? resourceVersion = null;
        var backoff = TimeSpan.FromMilliseconds(200);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                resourceVersion ??= await ListAsync(cancellationToken);
                Exception? error = null;
                var watch = _client.CustomObjects.WatchListNamespacedCustomObjectAsync(
                    ResourceKinds.Group, ResourceRoutes.Version, _namespace, "tasks",
                    allowWatchBookmarks: true, resourceVersion: resourceVersion, timeoutSeconds: 300,
                    onError: e => error = e, cancellationToken: cancellationToken);
                await foreach (var (type, item) in CancellableWatch.Of(watch, cancellationToken))
                {
                    if (type == WatchEventType.Error)
                    {
                        error = new KubernetesException(KubernetesJson.Deserialize<k8s.Models.V1Status>(KubernetesJson.Serialize(item)));
                        break;
                    }

                    resourceVersion = ResourceVersionOf(item) ?? resourceVersion;
                    if (type != WatchEventType.Bookmark)
                    {
                        _changed();
                    }

                    backoff = TimeSpan.FromMilliseconds(200);
                }

               
                if (error is KubernetesException { Status.Code: 410 } || error is HttpOperationException { Response.StatusCode: System.Net.HttpStatusCode.Gone })
                {
                    _logger.LogInformation("The Task watch's resourceVersion {ResourceVersion} expired (410 Gone); listing again", resourceVersion);
                    resourceVersion = null;
                }
                else if (error is not null)
                {
                    throw error;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _logger.LogWarning("The Task watch failed ({Error}); retrying in {Delay}", e.Message, backoff);
                await Task.Delay(backoff, _time, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    /// <summary>Lists the Tasks for the version to watch from; a fresh list may hold changes nobody saw, so it counts as one.</summary>
    private async Task<string?> ListAsync(CancellationToken cancellationToken)
    {
        var list = await _retry.RunAsync(
            t => _client.CustomObjects.ListNamespacedCustomObjectAsync<ResourceList<JsonNode>>(ResourceKinds.Group, ResourceRoutes.Version, _namespace, "tasks", cancellationToken: t),
            cancellationToken);
        Interlocked.Increment(ref _relists);
        _changed();
        return list.Metadata?.ResourceVersion;
    }

    private static string? ResourceVersionOf(object item) => item switch
    {
        JsonElement element when element.ValueKind == JsonValueKind.Object
            && element.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("resourceVersion", out var version) => version.GetString(),
        _ => null,
    };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
