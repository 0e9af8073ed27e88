using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Kelos.Testing.Kubernetes;

/// <summary>
/// An in-process Kubernetes API server on a loopback port, for the real KubernetesClient: core/v1 Pods (with logs),
/// Secrets, ConfigMaps and Events, batch/v1 Jobs, coordination.k8s.io/v1 Leases, events.k8s.io/v1 Events and the
/// kelos.dev/v1alpha1 custom resources (tasks, workspaces, agentconfigs, taskspawners), with the API server's JSON,
/// resourceVersions, optimistic concurrency, status subresources, finalizers, garbage collection and watches.
/// </summary>
/// <remarks>
/// Point a client at it with <see cref="ClientConfiguration"/> (or <see cref="CreateClient"/>). A small job controller
/// gives every created Job a Pod and mirrors the Pod's phase into the Job's status; tests move Pods through their
/// lives with the <c>SetPod…</c> methods and give them logs with <see cref="SetPodLog"/>. Every call is recorded
/// (<see cref="Calls"/>); failures and delays are asked for with <see cref="FailNextCalls"/> and
/// <see cref="DelayNextCalls"/>; <see cref="CompactHistory"/> makes older watches get 410.
/// </remarks>
public sealed partial class KubernetesStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly KubernetesState _state;

    private KubernetesStandIn(WebApplication app, KubernetesState state)
    {
        _app = app;
        _state = state;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseUrl => _state.BaseUrl;

    /// <summary>Starts a stand-in on a free loopback port.</summary>
    public static async Task<KubernetesStandIn> StartAsync(KubernetesStandInOptions? options = null, CancellationToken cancellationToken = default)
    {
        var state = new KubernetesState(options ?? new KubernetesStandInOptions());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Use(new KubernetesPipeline(state).InvokeAsync);
        app.Run(new ResourceHandler(state).HandleAsync);
        await app.StartAsync(cancellationToken);
        state.BaseUrl = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return new KubernetesStandIn(app, state);
    }

    /// <summary>A client configuration for this server (plain HTTP, no credentials), as a kubeconfig would give.</summary>
    public KubernetesClientConfiguration ClientConfiguration() => new() { Host = BaseUrl.ToString().TrimEnd('/') };

    /// <summary>
    /// A kubeconfig file for this server, written to <paramref name="path"/>, whose user sends <paramref name="token"/>
    /// as its bearer token (so <see cref="KubernetesCall.User"/> tells processes apart), with
    /// <paramref name="namespace"/> as the context's namespace.
    /// </summary>
    public string WriteKubeconfig(string path, string token, string @namespace = "default")
    {
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
              - name: stand-in
                cluster:
                  server: {BaseUrl.ToString().TrimEnd('/')}
            users:
              - name: {token}
                user:
                  token: {token}
            contexts:
              - name: stand-in
                context:
                  cluster: stand-in
                  user: {token}
                  namespace: {@namespace}
            current-context: stand-in
            """);
        return path;
    }

    /// <summary>A real <see cref="k8s.Kubernetes"/> client talking to this server; the caller disposes it.</summary>
    public k8s.Kubernetes CreateClient() => new(ClientConfiguration());

    /// <summary>
    /// Answers the next <paramref name="calls"/> calls (only those whose path starts with <paramref name="pathPrefix"/>
    /// and whose method is <paramref name="method"/>, when given) with <paramref name="statusCode"/> and the Status
    /// object the server uses for it (500 InternalError, 503 ServiceUnavailable, 429 TooManyRequests with
    /// <c>Retry-After</c>, 504 Timeout, 409 Conflict, …).
    /// </summary>
    public void FailNextCalls(int calls, int statusCode = 500, string? pathPrefix = null, string? method = null)
    {
        lock (_state.Gate)
        {
            _state.Knobs.FailedCalls = calls;
            _state.Knobs.FailStatus = statusCode;
            _state.Knobs.FailPathPrefix = pathPrefix;
            _state.Knobs.FailMethod = method;
        }
    }

    /// <summary>Holds the next <paramref name="calls"/> answers (under the path prefix, when given) for <paramref name="delay"/>.</summary>
    public void DelayNextCalls(int calls, TimeSpan delay, string? pathPrefix = null)
    {
        lock (_state.Gate)
        {
            _state.Knobs.DelayedCalls = calls;
            _state.Knobs.Delay = delay;
            _state.Knobs.DelayPathPrefix = pathPrefix;
        }
    }

    /// <summary>
    /// Forgets the change history: a watch from any resourceVersion before now gets an ERROR event with a 410 Expired
    /// Status, as from an API server whose watch cache has moved on, and must re-list.
    /// </summary>
    public void CompactHistory()
    {
        lock (_state.Gate)
        {
            _state.Store.CompactHistory();
        }
    }

    /// <summary>Ends every open watch (after what is already queued), as a dropped connection or API server restart would.</summary>
    public void CloseWatches()
    {
        lock (_state.Gate)
        {
            _state.Store.CloseWatches();
        }
    }

    /// <summary>Sends a BOOKMARK with the current resourceVersion to every open watch that allows bookmarks.</summary>
    public void SendBookmarks()
    {
        lock (_state.Gate)
        {
            _state.Store.Bookmark();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _state.Stopping.CancelAsync();
        lock (_state.Gate)
        {
            _state.Store.CloseWatches();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        _state.Dispose();
    }
}
