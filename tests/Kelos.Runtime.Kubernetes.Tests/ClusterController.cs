using Kelos.Controller;
using Kelos.Core.Store;
using Kelos.Testing.Kubernetes;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kelos.Runtime.Kubernetes.Tests;

/// <summary>
/// One controller process in cluster mode against the stand-in: its own client, store, runtime, Lease and bus,
/// wired by <c>AddKelosKubernetes</c>. Stopping it and starting another is a controller restart.
/// </summary>
internal sealed class ClusterController : IAsyncDisposable
{
    public const string Namespace = "kelos";

    private readonly ServiceProvider _provider;

    private ClusterController(ServiceProvider provider) => _provider = provider;

    public ITestHarness Bus => _provider.GetRequiredService<ITestHarness>();

    public IResourceStore Store => _provider.GetRequiredService<IResourceStore>();

    public static async Task<ClusterController> StartAsync(KubernetesStandIn cluster, string identity)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddKelosKubernetes(new KubernetesClusterOptions { ClientConfiguration = cluster.ClientConfiguration(), Namespace = Namespace, Identity = identity })
            .AddKelosController(o => o.ResyncInterval = TimeSpan.FromMilliseconds(200));
        services.AddMassTransitTestHarness(bus => bus.AddControllerConsumers());
        var provider = services.BuildServiceProvider(validateScopes: true);

        // The harness starts every hosted service, the TaskController among them.
        await provider.GetRequiredService<ITestHarness>().Start();
        return new ClusterController(provider);
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
    }
}
