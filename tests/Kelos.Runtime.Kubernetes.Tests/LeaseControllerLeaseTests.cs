using k8s;
using k8s.Models;
using Kelos.Runtime.Kubernetes.Leadership;
using Kelos.Testing.Kubernetes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kelos.Runtime.Kubernetes.Tests;

/// <summary>Two controller replicas and one Lease: one leads, the other waits, and a leader that loses the Lease knows it.</summary>
public sealed class LeaseControllerLeaseTests : IAsyncLifetime
{
    private const string Ns = "kelos";

    private KubernetesStandIn _cluster = null!;
    private readonly List<k8s.Kubernetes> _clients = [];

    public async Task InitializeAsync() => _cluster = await KubernetesStandIn.StartAsync();

    [Fact]
    public async Task AcquireAsync_TwoReplicas_OneLeadsTheOtherWaitsUntilReleased()
    {
        var a = Lease("replica-a");
        var b = Lease("replica-b");
        var aLeads = await a.AcquireAsync(() => { }, CancellationToken.None);
        var bWaits = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var bLeads = b.AcquireAsync(bWaits.SetResult, CancellationToken.None);
        await bWaits.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.False(bLeads.IsCompleted);
        Assert.Equal("replica-a", Holder());

        aLeads.Dispose();

        using var held = await bLeads.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("replica-b", Holder());
        Assert.Equal(1, _cluster.Get<V1Lease>(Ns, LeaseControllerLease.LeaseName)!.Spec.LeaseTransitions);
    }

    [Fact]
    public async Task Renew_AnotherReplicaTookTheLease_LostFiresAndTheHostIsTold()
    {
        var told = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var a = Lease("replica-a", told.SetResult);
        using var handle = (LeaseHandle)await a.AcquireAsync(() => { }, CancellationToken.None);

        var lease = _cluster.Get<V1Lease>(Ns, LeaseControllerLease.LeaseName)!;
        lease.Spec.HolderIdentity = "intruder";
        lease.Spec.RenewTime = DateTime.UtcNow;
        await _clients[0].CoordinationV1.ReplaceNamespacedLeaseAsync(lease, LeaseControllerLease.LeaseName, Ns);

        await told.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(handle.Lost.IsCancellationRequested);
        Assert.Equal("intruder", Holder());
    }

    private LeaseControllerLease Lease(string identity, Action? onLost = null)
    {
        var client = _cluster.CreateClient();
        _clients.Add(client);
        return new LeaseControllerLease(client, Ns, identity, TimeProvider.System, NullLogger<LeaseControllerLease>.Instance, onLost)
        {
            RenewInterval = TimeSpan.FromMilliseconds(50),
            RetryInterval = TimeSpan.FromMilliseconds(50),
        };
    }

    private string? Holder() => _cluster.Get<V1Lease>(Ns, LeaseControllerLease.LeaseName)?.Spec.HolderIdentity;

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _cluster.DisposeAsync();
    }
}
