using k8s.Models;

namespace Kelos.Runtime.Kubernetes.Runs;

/// <summary>How a Task's Job stands, judged from the Job and its Pod as the kubelet reports them.</summary>
/// <param name="Succeeded">True when the agent finished with exit code 0.</param>
/// <param name="Message">The readable reason for a failure (null on success).</param>
/// <param name="Pod">The pod whose logs tell more, if any.</param>
/// <param name="LogContainer">The container whose last lines belong in the message (a failed init container), if any.</param>
/// <param name="Stuck">True when the pod can never get further on its own (an image that cannot be pulled): the Job must be deleted.</param>
public sealed record JobVerdict(bool Succeeded, string? Message, string? Pod, string? LogContainer, bool Stuck)
{
    private static readonly HashSet<string> ImageProblems = new(StringComparer.Ordinal)
    {
        "ImagePullBackOff", "ErrImagePull", "InvalidImageName", "ErrImageNeverPull",
    };

    private static readonly HashSet<string> ConfigProblems = new(StringComparer.Ordinal)
    {
        "CreateContainerConfigError", "CreateContainerError",
    };

    /// <summary>The verdict, or null while the run is still going.</summary>
    public static JobVerdict? Judge(V1Job job, IReadOnlyList<V1Pod> pods)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(pods);
        if (Condition(job, "Failed") is { Reason: "DeadlineExceeded" })
        {
            var seconds = job.Spec?.ActiveDeadlineSeconds;
            return Failed($"The Task ran longer than its deadline{(seconds is null ? "" : $" of {seconds} s")} (podOverrides.activeDeadlineSeconds) and was stopped", null);
        }

        var pod = pods.OrderBy(p => p.Metadata.CreationTimestamp ?? DateTime.MinValue).LastOrDefault();
        if (pod is not null && JudgePod(pod) is { } verdict)
        {
            return verdict;
        }

        if (Condition(job, "Complete") is not null)
        {
            return new JobVerdict(true, null, pod?.Metadata.Name, null, false);
        }

        if (Condition(job, "Failed") is { } failed)
        {
            return Failed($"The Job failed ({failed.Reason}){(string.IsNullOrEmpty(failed.Message) ? "" : ": " + failed.Message)}", pod?.Metadata.Name);
        }

        return null;
    }

    private static JobVerdict? JudgePod(V1Pod pod)
    {
        var name = pod.Metadata.Name;
        var status = pod.Status;
        if (status is null)
        {
            return null;
        }

        if (status.Reason == "Evicted")
        {
            return Failed($"The pod was evicted{(string.IsNullOrEmpty(status.Message) ? "" : ": " + status.Message)}", name);
        }

        foreach (var init in status.InitContainerStatuses ?? [])
        {
            if (init.State?.Terminated is { ExitCode: not 0 } terminated)
            {
                return new JobVerdict(false, $"Init container {init.Name} failed (exit code {terminated.ExitCode}{ReasonText(terminated.Reason)})", name, init.Name, false);
            }
        }

        foreach (var container in (status.InitContainerStatuses ?? []).Concat(status.ContainerStatuses ?? []))
        {
            if (container.State?.Waiting is { Reason: { } reason } waiting && (ImageProblems.Contains(reason) || ConfigProblems.Contains(reason)))
            {
                var what = ImageProblems.Contains(reason) ? $"Cannot pull image {container.Image} for container {container.Name}" : $"Cannot start container {container.Name}";
                return new JobVerdict(false, $"{what} ({reason}){(string.IsNullOrEmpty(waiting.Message) ? "" : ": " + waiting.Message)}", name, null, true);
            }
        }

        var agent = (status.ContainerStatuses ?? []).FirstOrDefault(c => c.Name == PodLayout.AgentContainer);
        if (status.Phase == "Succeeded")
        {
            return new JobVerdict(true, null, name, null, false);
        }

        if (status.Phase != "Failed")
        {
            return null;
        }

        return agent?.State?.Terminated switch
        {
            { Reason: "OOMKilled" } => Failed($"The agent ran out of memory (OOMKilled{MemoryLimit(pod)}); raise podOverrides.resources.limits.memory", name),
            { ExitCode: not 0 } terminated => Failed($"The agent exited with code {terminated.ExitCode}{ReasonText(terminated.Reason)}", name),
            _ => Failed($"The pod failed{ReasonText(status.Reason)}{(string.IsNullOrEmpty(status.Message) ? "" : ": " + status.Message)}", name),
        };
    }

    private static JobVerdict Failed(string message, string? pod) => new(false, message, pod, null, false);

    private static string ReasonText(string? reason) => string.IsNullOrEmpty(reason) || reason == "Error" ? "" : ", " + reason;

    private static string MemoryLimit(V1Pod pod) =>
        pod.Spec?.Containers?.FirstOrDefault(c => c.Name == PodLayout.AgentContainer)?.Resources?.Limits is { } limits
        && limits.TryGetValue("memory", out var memory) ? $", limit {memory}" : "";

    private static V1JobCondition? Condition(V1Job job, string type) =>
        job.Status?.Conditions?.FirstOrDefault(c => c.Type == type && c.Status == "True");
}
