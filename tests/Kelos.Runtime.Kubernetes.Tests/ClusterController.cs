using Kelos.Controller;
using Kelos.Core.Runtime;
using Kelos.Core.Store;
using Kelos.Runtime.Kubernetes.Leadership;
using Kelos.Runtime.Kubernetes.Runs;
using Kelos.Runtime.Kubernetes.Store;
using Kelos.Testing.Kubernetes;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kelos.Runtime.Kubernetes.Tests;

/// <summary>
/// One controller process in cluster mode against the stand-in: its own client, store, runtime, Lease and bus,
/// wired as <c>kelos serve --role controller</c> would. Stopping it and starting another is a controller restart.
/// </summary>
internal sealed class ClusterController : IAsyncDisposable
{
    public const string Namespace = "kelos";

    private readonly ServiceProvider _provider;
    private readonly k8s.Kubernetes _client;

    private ClusterController(ServiceProvider provider, k8s.Kubernetes client)
    {
        _provider = provider;
        _client = client;
    }

    public ITestHarness Bus => _provider.GetRequiredService<ITestHarness>();

    public IResourceStore Store => _provider.GetRequiredService<IResourceStore>();

    public static async Task<ClusterController> StartAsync(KubernetesStandIn cluster, string identity)
    {
        var client = cluster.CreateClient();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IResourceStore>(_ => new KubernetesResourceStore(client, Namespace, TimeProvider.System, NullLogger<KubernetesResourceStore>.Instance))
            .AddSingleton<ITaskRuntime>(new KubernetesTaskRuntime(client, Namespace, new AgentImages(), TimeProvider.System, NullLogger<KubernetesTaskRuntime>.Instance))
            .AddSingleton<IControllerLease>(new LeaseControllerLease(client, Namespace, identity, TimeProvider.System, NullLogger<LeaseControllerLease>.Instance))
            .AddKelosController(o => o.ResyncInterval = TimeSpan.FromMilliseconds(200));
        services.AddMassTransitTestHarness(bus => bus.AddControllerConsumers());
        var provider = services.BuildServiceProvider(validateScopes: true);
        // The harness starts every hosted service, the TaskController among them.
        await provider.GetRequiredService<ITestHarness>().Start();

        return new ClusterController(provider, client);
    }

    /// <summary>Stops the controller as a shutdown would; its Jobs keep running on the cluster.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var service in _provider.GetServices<IHostedService>().OfType<TaskController>())
        {
            await service.StopAsync(CancellationToken.None);
        }

        await Bus.Stop();
        await _provider.DisposeAsync();
        _client.Dispose();
    }
}
