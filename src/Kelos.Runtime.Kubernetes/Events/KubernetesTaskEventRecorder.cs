using System.Security.Cryptography;
using System.Text;
using k8s;
using k8s.Models;
using Kelos.Core.Resources;
using Kelos.Core.Runtime;
using Kelos.Runtime.Kubernetes.Api;
using Microsoft.Extensions.Logging;

namespace Kelos.Runtime.Kubernetes.Events;

/// <summary>
/// Cluster mode's record of Task transitions: one core <c>v1</c> Event per transition, about the Task
/// (<c>involvedObject</c> with its uid), from <see cref="Component"/>, so <c>kubectl describe task</c> and
/// <c>kubectl get events</c> show Waiting, Started, Succeeded, Failed (a Warning, with the failure message) and Cancelled.
/// Idempotent by name: the name derives from the Task's uid, the phase and the message, so a transition written again
/// (a retry, a second replica) meets <c>AlreadyExists</c> and adds nothing. Best effort: a failure is logged and
/// the transition goes on.
/// </summary>
public sealed class KubernetesTaskEventRecorder(
    IKubernetes client, string @namespace, string instance, TimeProvider time, ILogger<KubernetesTaskEventRecorder> logger) : ITaskEventRecorder
{
    public const string Component = "kelos-controller";

    /// <summary>The longest message an Event carries (the API server's limit for an event's note).</summary>
    public const int MaxMessageLength = 1024;

    private readonly ApiRetry _retry = new(time);

    public async Task RecordAsync(KelosTask task, string phase, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var now = time.GetUtcNow().UtcDateTime;
        var body = new Corev1Event
        {
            ApiVersion = "v1",
            Kind = "Event",
            Metadata = new V1ObjectMeta { Name = NameFor(task, phase, message), NamespaceProperty = @namespace },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = ResourceKinds.V1Alpha1,
                Kind = ResourceKinds.Task,
                Name = task.Name,
                NamespaceProperty = @namespace,
                Uid = task.Metadata.Uid,
                ResourceVersion = task.Metadata.ResourceVersion,
            },
            Type = phase == TaskPhase.Failed ? "Warning" : "Normal",
            Reason = ReasonFor(phase),
            Message = message.Length <= MaxMessageLength ? message : message[..(MaxMessageLength - 1)] + "…",
            Source = new V1EventSource { Component = Component },
            ReportingComponent = Component,
            ReportingInstance = instance,
            FirstTimestamp = now,
            LastTimestamp = now,
            Count = 1,
        };

        try
        {
            await _retry.RunAsync(t => client.CoreV1.CreateNamespacedEventAsync(body, @namespace, cancellationToken: t), cancellationToken);
        }
        catch (Exception e) when (ApiErrors.IsConflict(e))
        {
            // Recorded before: the same transition of the same Task.
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Could not record the Event {EventReason} for Task {TaskName}: {Error}", body.Reason, task.Name, e.Message);
        }
    }

    /// <summary>The reason an Event gives for a move to <paramref name="phase"/>.</summary>
    public static string ReasonFor(string phase) => phase == TaskPhase.Running ? "Started" : phase;

    /// <summary><c>&lt;task&gt;.&lt;16 hex&gt;</c>: the same for the same transition of the same Task, different otherwise.</summary>
    public static string NameFor(KelosTask task, string phase, string message)
    {
        ArgumentNullException.ThrowIfNull(task);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{task.Metadata.Uid}\n{phase}\n{message}"));
        var prefix = task.Name.Length > 236 ? task.Name[..236].TrimEnd('.', '-') : task.Name;
        return $"{prefix}.{Convert.ToHexStringLower(hash)[..16]}";
    }
}
