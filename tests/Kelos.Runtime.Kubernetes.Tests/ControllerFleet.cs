using Kelos.Testing.Kubernetes;

namespace Kelos.Runtime.Kubernetes.Tests;

/// <summary>The controller replicas a test starts against the stand-in: stopping one and starting another is a restart.</summary>
internal sealed class ControllerFleet
{
    private readonly List<ClusterController> _running = [];

    public async Task<ClusterController> StartAsync(KubernetesStandIn cluster, string identity)
    {
        var controller = await ClusterController.StartAsync(cluster, identity);
        _running.Add(controller);
        return controller;
    }

    /// <summary>Stops one replica as a shutdown would; its Jobs keep running on the cluster.</summary>
    public async Task StopAsync(ClusterController controller)
    {
        ArgumentNullException.ThrowIfNull(controller);
        _running.Remove(controller);
        await controller.DisposeAsync();
    }

    /// <summary>Stops every replica still running (the end of a test).</summary>
    public async Task StopAllAsync()
    {
        foreach (var controller in _running)
        {
            await controller.DisposeAsync();
        }

        _running.Clear();
    }
}
