using k8s;
using k8s.Models;
using Kelos.Core.Runtime;
using Kelos.Runtime.Kubernetes.Api;
using Microsoft.Extensions.Logging;

namespace Kelos.Runtime.Kubernetes.Leadership;

/// <summary>
/// Leadership on a cluster: the <c>coordination.k8s.io/v1</c> Lease <see cref="LeaseName"/> in the controller's
/// namespace, as client-go's leader election keeps it. A replica takes the Lease when it is missing, free, its own,
/// or not renewed within its duration; every write carries the resourceVersion it read, so of two replicas racing
/// one gets a 409 and waits. The leader renews it every <see cref="RenewInterval"/>; a renewal that finds another
/// holder, or no renewal within the duration, means leadership is lost: <see cref="LeaseHandle.Lost"/> fires and
/// <paramref name="onLost"/> runs (the host stops, as client-go's controllers exit), so two replicas never both act.
/// </summary>
public sealed class LeaseControllerLease(
    IKubernetes client, string @namespace, string identity, TimeProvider time, ILogger<LeaseControllerLease> logger, Action? onLost = null) : IControllerLease
{
    public const string LeaseName = "kelos-controller";

    private readonly ApiRetry _retry = new(time) { Attempts = 3 };

    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan RenewInterval { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromSeconds(2);

    public string Identity => identity;

    public async Task<IDisposable> AcquireAsync(Action onWaiting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onWaiting);
        var told = false;
        while (true)
        {
            if (await TryTakeAsync(cancellationToken))
            {
                logger.LogInformation("Leading as {Identity} (Lease {Namespace}/{Lease})", identity, @namespace, LeaseName);
                return new LeaseHandle(this, cancellationToken);
            }

            if (!told)
            {
                onWaiting();
                told = true;
            }

            await Task.Delay(RetryInterval, time, cancellationToken);
        }
    }

    /// <summary>Takes or renews the Lease; false when another replica holds it or won the race.</summary>
    internal async Task<bool> TryTakeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        V1Lease lease;
        try
        {
            lease = await _retry.RunAsync(t => client.CoordinationV1.ReadNamespacedLeaseAsync(LeaseName, @namespace, cancellationToken: t), cancellationToken);
        }
        catch (Exception e) when (ApiErrors.IsNotFound(e))
        {
            try
            {
                await _retry.RunAsync(t => client.CoordinationV1.CreateNamespacedLeaseAsync(NewLease(now), @namespace, cancellationToken: t), cancellationToken);
                return true;
            }
            catch (Exception conflict) when (ApiErrors.IsConflict(conflict))
            {
                return false;
            }
        }

        var spec = lease.Spec ??= new V1LeaseSpec();
        var mine = spec.HolderIdentity == identity;
        var expired = spec.RenewTime is not { } renewed || renewed.AddSeconds(spec.LeaseDurationSeconds ?? 0) < now;
        if (!mine && !string.IsNullOrEmpty(spec.HolderIdentity) && !expired)
        {
            return false;
        }

        if (!mine)
        {
            spec.AcquireTime = now;
            spec.LeaseTransitions = (spec.LeaseTransitions ?? 0) + 1;
        }

        spec.HolderIdentity = identity;
        spec.LeaseDurationSeconds = (int)LeaseDuration.TotalSeconds;
        spec.RenewTime = now;
        try
        {
            await _retry.RunAsync(t => client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, LeaseName, @namespace, cancellationToken: t), cancellationToken);
            return true;
        }
        catch (Exception e) when (ApiErrors.IsConflict(e))
        {
            return false;
        }
    }

    /// <summary>Gives the Lease up at once (holder cleared) so another replica need not wait for it to expire.</summary>
    internal async Task ReleaseAsync()
    {
        try
        {
            var lease = await client.CoordinationV1.ReadNamespacedLeaseAsync(LeaseName, @namespace);
            if (lease.Spec?.HolderIdentity != identity)
            {
                return;
            }

            lease.Spec.HolderIdentity = null;
            lease.Spec.RenewTime = null;
            await client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, LeaseName, @namespace);
        }
        catch (Exception e)
        {
            logger.LogWarning("Could not release the Lease ({Error}); it expires on its own", e.Message);
        }
    }

    internal void OnLost()
    {
        logger.LogError("Lost the Lease {Namespace}/{Lease}: another controller leads now; stopping", @namespace, LeaseName);
        onLost?.Invoke();
    }

    internal TimeProvider Time => time;

    private V1Lease NewLease(DateTime now) => new()
    {
        ApiVersion = "coordination.k8s.io/v1",
        Kind = "Lease",
        Metadata = new V1ObjectMeta { Name = LeaseName, NamespaceProperty = @namespace },
        Spec = new V1LeaseSpec
        {
            HolderIdentity = identity,
            LeaseDurationSeconds = (int)LeaseDuration.TotalSeconds,
            AcquireTime = now,
            RenewTime = now,
            LeaseTransitions = 0,
        },
    };
}
