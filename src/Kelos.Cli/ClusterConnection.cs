using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using Kelos.Core.Store;
using Kelos.Runtime.Kubernetes.Runs;
using Kelos.Runtime.Kubernetes.Store;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kelos.Cli;

/// <summary>
/// One command's session with a cluster: the client, the namespace, the store over the Kelos custom resources. API
/// failures become one line that names the server and the kubeconfig (<see cref="RunAsync{T}"/>); the server's own
/// message is kept, credentials never appear (they are not in any of these messages).
/// </summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private readonly string _kubeconfig;
    private KubernetesResourceStore? _store;

    public ClusterConnection(string kubeconfig, KubernetesClientConfiguration configuration, string? @namespace)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _kubeconfig = kubeconfig;
        Server = configuration.Host;
        Namespace = @namespace ?? configuration.Namespace ?? ClusterOptions.DefaultNamespace;
        Client = new Kubernetes(configuration);
    }

    public string Namespace { get; }

    public string Server { get; }

    public IKubernetes Client { get; }

    /// <summary>The Tasks, Workspaces, AgentConfigs, TaskSpawners and Secrets of <see cref="Namespace"/>.</summary>
    public IResourceStore Store => _store ??= new KubernetesResourceStore(Client, Namespace, TimeProvider.System, NullLogger<KubernetesResourceStore>.Instance);

    public KubernetesTaskLogs Logs => new(Client, Namespace, TimeProvider.System, NullLogger<KubernetesTaskLogs>.Instance);

    /// <summary>Runs <paramref name="action"/>; a refusal or an unreachable server ends as a <see cref="CliException"/>.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return await action();
        }
        catch (TaskLogException e)
        {
            throw new CliException(e.Message);
        }
        catch (Exception e) when (Describe(e) is { } message)
        {
            throw new CliException(message);
        }
    }

    public T Run<T>(Func<T> action) => RunAsync(() => Task.FromResult(action())).GetAwaiter().GetResult();

    /// <summary>One line for an API failure, or null for anything else.</summary>
    public string? Describe(Exception error) => error switch
    {
        HttpOperationException http => $"the API server {Server} answered {(int)http.Response.StatusCode} {Reason(http.Response.StatusCode)}: {ServerMessage(http)} (kubeconfig {_kubeconfig}, namespace {Namespace})",
        HttpRequestException request => $"cannot reach the API server {Server}: {request.Message} (kubeconfig {_kubeconfig})",
        TaskCanceledException => $"the API server {Server} did not answer in time (kubeconfig {_kubeconfig})",
        KubernetesException kubernetes => $"the API server {Server}: {kubernetes.Message} (kubeconfig {_kubeconfig})",
        _ => null,
    };

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        Client.Dispose();
    }

    private static string Reason(HttpStatusCode code) => code switch
    {
        HttpStatusCode.Unauthorized => "Unauthorized (the kubeconfig's credentials were refused)",
        HttpStatusCode.Forbidden => "Forbidden",
        HttpStatusCode.NotFound => "Not Found (are the Kelos CRDs installed? kelos install)",
        _ => code.ToString(),
    };

    /// <summary>The <c>message</c> of the Status object the server answered with, else its body's first line.</summary>
    private static string ServerMessage(HttpOperationException http)
    {
        var content = http.Response.Content ?? "";
        try
        {
            if (JsonDocument.Parse(content).RootElement is { ValueKind: JsonValueKind.Object } status
                && status.TryGetProperty("message", out var message) && message.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
        }

        return content.Split('\n')[0].Trim() is { Length: > 0 } line ? line[..Math.Min(line.Length, 200)] : "no message";
    }
}
