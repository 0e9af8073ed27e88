using System.Text.Json.Nodes;

namespace Kelos.Testing.Kubernetes;

/// <summary>
/// A small stand-in for the cluster's job controller, run right after every commit: a new Job gets a Pod
/// (<c>{job}-xxxxx</c>, the template's labels plus <c>job-name</c>/<c>controller-uid</c> in both their forms, owned by the
/// Job), and every change to a Job's Pods is mirrored into the Job's status: <c>startTime</c>, <c>active</c>,
/// <c>ready</c>, <c>succeeded</c>, <c>failed</c>, and at the end the conditions <c>SuccessCriteriaMet</c> +
/// <c>Complete</c> (with <c>completionTime</c>) or <c>FailureTarget</c> + <c>Failed</c> (BackoffLimitExceeded). A failed
/// Pod within <c>backoffLimit</c> is replaced. One Pod at a time (completions 1); suspended Jobs get none.
/// </summary>
internal sealed class JobController(ObjectStore store)
{
    public void OnChange(WatchEvent change)
    {
        if (change.Key.Type == ResourceTypes.Jobs && change.Type == WatchEvent.Added)
        {
            Reconcile(change.Key);
        }
        else if (change.Key.Type == ResourceTypes.Pods && OwningJob(change.Key.Namespace, change.Object) is { } job)
        {
            Reconcile(job);
        }
    }

    /// <summary>Marks the Job failed for exceeding <c>activeDeadlineSeconds</c> and deletes its running Pods, as the controller does.</summary>
    public static void ExceedDeadline(ObjectStore store, ObjectKey jobKey)
    {
        var job = store.Require(jobKey);
        if (IsFinished(job))
        {
            throw KubernetesStatus.BadRequest($"job {jobKey.Name} has already finished");
        }

        var pods = PodsOf(store, job);
        var active = pods.Where(p => !PodContainers.IsFinished(p.Object)).ToList();
        var status = Counts(store, job, pods, active: 0, extraFailed: active.Count);
        var now = KubeJson.Time(store.Now);
        status["conditions"] = new JsonArray(
            Condition("FailureTarget", "DeadlineExceeded", "Job was active longer than specified deadline", now),
            Condition("Failed", "DeadlineExceeded", "Job was active longer than specified deadline", now));
        WriteStatus(store, jobKey, job, status);
        foreach (var (podKey, _) in active)
        {
            store.Delete(podKey, DeletionPolicy.Background);
        }
    }

    private void Reconcile(ObjectKey jobKey)
    {
        if (store.Find(jobKey) is not { } job || IsFinished(job) || job.IsDeleting())
        {
            return;
        }

        var pods = PodsOf(store, job);
        var active = pods.Count(p => !PodContainers.IsFinished(p.Object) && !p.Object.IsDeleting());
        var succeeded = pods.Count(p => p.Object["status"].Str("phase") == "Succeeded");
        var failed = pods.Count(p => p.Object["status"].Str("phase") == "Failed");
        var backoffLimit = job["spec"].Long("backoffLimit") ?? 6;
        var suspended = job["spec"]?["suspend"] is JsonValue suspend && suspend.TryGetValue<bool>(out var flag) && flag;
        if (active == 0 && succeeded == 0 && failed <= backoffLimit && !suspended)
        {
            // The new Pod's own commit comes back here and writes the status.
            CreatePod(jobKey, job);
            return;
        }

        var status = Counts(store, job, pods, active, extraFailed: 0);
        var now = KubeJson.Time(store.Now);
        if (succeeded > 0)
        {
            status["completionTime"] = now;
            status["conditions"] = new JsonArray(
                Condition("SuccessCriteriaMet", "CompletionsReached", "Reached expected number of succeeded pods", now),
                Condition("Complete", "CompletionsReached", "Reached expected number of succeeded pods", now));
        }
        else if (failed > backoffLimit)
        {
            status["conditions"] = new JsonArray(
                Condition("FailureTarget", "BackoffLimitExceeded", "Job has reached the specified backoff limit", now),
                Condition("Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit", now));
        }

        WriteStatus(store, jobKey, job, status);
    }

    private void CreatePod(ObjectKey jobKey, JsonObject job)
    {
        var template = job["spec"]?["template"] as JsonObject ?? [];
        var metadata = template["metadata"]?.DeepClone() as JsonObject ?? [];
        metadata.Remove("name");
        metadata["generateName"] = jobKey.Name + "-";
        metadata["ownerReferences"] = new JsonArray(new JsonObject
        {
            ["apiVersion"] = ResourceTypes.Jobs.ApiVersion,
            ["kind"] = ResourceTypes.Jobs.Kind,
            ["name"] = jobKey.Name,
            ["uid"] = job.Uid(),
            ["controller"] = true,
            ["blockOwnerDeletion"] = true,
        });
        var pod = new JsonObject
        {
            ["apiVersion"] = ResourceTypes.Pods.ApiVersion,
            ["kind"] = ResourceTypes.Pods.Kind,
            ["metadata"] = metadata,
            ["spec"] = template["spec"]?.DeepClone(),
        };
        store.Create(ResourceTypes.Pods, jobKey.Namespace, pod);
    }

    private static JsonObject Counts(ObjectStore store, JsonObject job, List<(ObjectKey Key, JsonObject Object)> pods, int active, int extraFailed)
    {
        var status = job["status"]?.DeepClone() as JsonObject ?? [];
        status["startTime"] ??= KubeJson.Time(store.Now);
        status["active"] = active;
        status["ready"] = pods.Count(p => p.Object["status"].Str("phase") == "Running" && IsReady(p.Object));
        status["terminating"] = 0;
        status["uncountedTerminatedPods"] = new JsonObject();
        SetCount(status, "succeeded", pods.Count(p => p.Object["status"].Str("phase") == "Succeeded"));
        SetCount(status, "failed", pods.Count(p => p.Object["status"].Str("phase") == "Failed") + extraFailed);
        return status;
    }

    /// <summary>The API server leaves a zero count out.</summary>
    private static void SetCount(JsonObject status, string name, int count)
    {
        if (count > 0)
        {
            status[name] = count;
        }
        else
        {
            status.Remove(name);
        }
    }

    private static void WriteStatus(ObjectStore store, ObjectKey jobKey, JsonObject job, JsonObject status)
    {
        var next = job.DeepClone().AsObject();
        next["status"] = status;
        store.Update(jobKey, next, statusOnly: true);
    }

    private static bool IsReady(JsonObject pod) =>
        (pod["status"]?["conditions"] as JsonArray ?? []).Any(c => c.Str("type") == "Ready" && c.Str("status") == "True");

    private static bool IsFinished(JsonObject job) =>
        (job["status"]?["conditions"] as JsonArray ?? []).Any(c => c.Str("type") is "Complete" or "Failed" && c.Str("status") == "True");

    private static List<(ObjectKey Key, JsonObject Object)> PodsOf(ObjectStore store, JsonObject job) =>
        [.. store.Dependents(job.Metadata().Str("namespace") ?? "", job.Uid() ?? "").Where(p => p.Key.Type == ResourceTypes.Pods)];

    private ObjectKey? OwningJob(string ns, JsonObject pod)
    {
        var owner = pod.OwnerReferences().FirstOrDefault(r => r.Str("kind") == "Job" && r.Str("apiVersion") == ResourceTypes.Jobs.ApiVersion);
        if (owner?.Str("name") is not { } name)
        {
            return null;
        }

        var key = new ObjectKey(ResourceTypes.Jobs, ns, name);
        return store.Find(key)?.Uid() == owner.Str("uid") ? key : null;
    }

    private static JsonObject Condition(string type, string reason, string message, string now) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["lastProbeTime"] = now,
        ["lastTransitionTime"] = now,
        ["reason"] = reason,
        ["message"] = message,
    };
}
