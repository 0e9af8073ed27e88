using k8s;
using k8s.Models;
using Kelos.Runtime.Kubernetes.Api;

namespace Kelos.Runtime.Kubernetes.Runs;

/// <summary>
/// Follows a Task's Job until <see cref="JobVerdict.Judge"/> has a verdict: it reads the Job and its pods, then
/// waits on a watch of the pods (from the list's resourceVersion, so nothing is missed) and judges again on
/// every change. The watch ends every <see cref="ResyncSeconds"/> so a Job-only change is seen too.
/// </summary>
internal sealed class JobFollower(IKubernetes client, string @namespace, ApiRetry retry)
{
    public const int ResyncSeconds = 30;

    /// <summary>The verdict; a Job that no longer exists is a failure that says so.</summary>
    public async Task<JobVerdict> FollowAsync(string jobName, CancellationToken cancellationToken)
    {
        var selector = $"batch.kubernetes.io/job-name={jobName}";
        while (true)
        {
            V1Job job;
            try
            {
                job = await retry.RunAsync(t => client.BatchV1.ReadNamespacedJobAsync(jobName, @namespace, cancellationToken: t), cancellationToken);
            }
            catch (Exception e) when (ApiErrors.IsNotFound(e))
            {
                return new JobVerdict(false, $"The Job {jobName} was deleted before the agent finished", null, null, false);
            }

            var pods = await retry.RunAsync(t => client.CoreV1.ListNamespacedPodAsync(@namespace, labelSelector: selector, cancellationToken: t), cancellationToken);
            if (JobVerdict.Judge(job, pods.Items.ToList()) is { } verdict)
            {
                return verdict;
            }

            await NextChangeAsync(selector, pods.Metadata?.ResourceVersion, cancellationToken);
        }
    }

    /// <summary>Returns at the first change to the Job's pods after <paramref name="resourceVersion"/>, or when the watch ends.</summary>
    private async Task NextChangeAsync(string selector, string? resourceVersion, CancellationToken cancellationToken)
    {
        try
        {
            var watch = client.CoreV1.WatchListNamespacedPodAsync(
                @namespace, labelSelector: selector, resourceVersion: resourceVersion, timeoutSeconds: ResyncSeconds, cancellationToken: cancellationToken);
            await foreach (var _ in CancellableWatch.Of(watch, cancellationToken))
            {
                return;
            }
        }
        catch (Exception e) when (ApiErrors.IsTransient(e, cancellationToken) || e is KubernetesException)
        {
            // A dropped or expired watch: judge again from a fresh read.
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }
}
