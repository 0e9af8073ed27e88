using System.Text.Json.Nodes;

namespace Kelos.Testing.Kubernetes;

/// <summary>
/// Writes a Pod's <c>status</c> the way the kubelet reports it for each step of its life: phase, conditions, and per
/// container (init containers included) a waiting, running or terminated state with reason, exit code and times.
/// Container start times survive from one step to the next.
/// </summary>
internal static class PodStatusWriter
{
    /// <summary>Pending: init containers done (or the named one waiting), the named container waiting with a reason.</summary>
    public static JsonObject Waiting(JsonObject pod, DateTimeOffset now, string container, string reason, string? message)
    {
        var isInit = PodContainers.IsInit(pod, container);
        var init = PodContainers.Names(pod, "initContainers");
        var initIndex = init.IndexOf(container);
        return Build(pod, now, "Pending", initialized: !isInit, ready: false,
            initState: (name, i) => !isInit || i < initIndex ? Terminated(pod, name, 0, "Completed", null, now)
                : name == container ? WaitingState(reason, message) : WaitingState("PodInitializing", null),
            mainState: name => name == container ? WaitingState(reason, message)
                : WaitingState(isInit ? "PodInitializing" : "ContainerCreating", null));
    }

    public static JsonObject Running(JsonObject pod, DateTimeOffset now) =>
        Build(pod, now, "Running", initialized: true, ready: true,
            initState: (name, _) => Terminated(pod, name, 0, "Completed", null, now),
            mainState: name => new JsonObject { ["running"] = new JsonObject { ["startedAt"] = StartedAt(pod, name, now) } });

    public static JsonObject Succeeded(JsonObject pod, DateTimeOffset now) =>
        Build(pod, now, "Succeeded", initialized: true, ready: false,
            initState: (name, _) => Terminated(pod, name, 0, "Completed", null, now),
            mainState: name => Terminated(pod, name, 0, "Completed", null, now),
            readyReason: "PodCompleted");

    /// <summary>Failed: the named container terminated with the exit code and reason; other containers completed.</summary>
    public static JsonObject Failed(JsonObject pod, DateTimeOffset now, string container, int exitCode, string reason, string? message) =>
        Build(pod, now, "Failed", initialized: true, ready: false,
            initState: (name, _) => Terminated(pod, name, 0, "Completed", null, now),
            mainState: name => name == container ? Terminated(pod, name, exitCode, reason, message, now) : Terminated(pod, name, 0, "Completed", null, now),
            readyReason: "PodFailed");

    /// <summary>Failed in an init container (restartPolicy Never): later init containers and all others never start.</summary>
    public static JsonObject InitFailed(JsonObject pod, DateTimeOffset now, string initContainer, int exitCode, string reason, string? message)
    {
        var initIndex = PodContainers.Names(pod, "initContainers").IndexOf(initContainer);
        return Build(pod, now, "Failed", initialized: false, ready: false,
            initState: (name, i) => i < initIndex ? Terminated(pod, name, 0, "Completed", null, now)
                : name == initContainer ? Terminated(pod, name, exitCode, reason, message, now)
                : WaitingState("PodInitializing", null),
            mainState: _ => WaitingState("PodInitializing", null),
            readyReason: "PodFailed");
    }

    /// <summary>Failed by eviction: <c>status.reason</c> Evicted with the kubelet's message; containers killed (137).</summary>
    public static JsonObject Evicted(JsonObject pod, DateTimeOffset now, string message)
    {
        var status = Build(pod, now, "Failed", initialized: true, ready: false,
            initState: (name, _) => Terminated(pod, name, 0, "Completed", null, now),
            mainState: name => Terminated(pod, name, 137, "ContainerStatusUnknown", "The container could not be located when the pod was terminated", now),
            readyReason: "PodFailed");
        status["reason"] = "Evicted";
        status["message"] = message;
        status["conditions"]!.AsArray().Add(Condition("DisruptionTarget", true, now, "TerminationByKubelet", message));
        return status;
    }

    private static JsonObject Build(
        JsonObject pod,
        DateTimeOffset now,
        string phase,
        bool initialized,
        bool ready,
        Func<string, int, JsonObject> initState,
        Func<string, JsonObject> mainState,
        string? readyReason = null)
    {
        var old = pod["status"] as JsonObject;
        var status = new JsonObject
        {
            ["phase"] = phase,
            ["conditions"] = new JsonArray(
                Condition("PodScheduled", true, now),
                Condition("Initialized", initialized, now, initialized ? null : "ContainersNotInitialized"),
                Condition("ContainersReady", ready, now, ready ? null : readyReason ?? "ContainersNotReady"),
                Condition("Ready", ready, now, ready ? null : readyReason ?? "ContainersNotReady")),
            ["hostIP"] = "10.0.0.10",
            ["podIP"] = "10.244.0.10",
            ["startTime"] = old?["startTime"]?.DeepClone() ?? KubeJson.Time(now),
            ["qosClass"] = old?["qosClass"]?.DeepClone() ?? "BestEffort",
        };
        var init = PodContainers.Names(pod, "initContainers");
        if (init.Count > 0)
        {
            status["initContainerStatuses"] = new JsonArray([.. init.Select((name, i) => (JsonNode)Entry(pod, name, initState(name, i)))]);
        }

        status["containerStatuses"] = new JsonArray([.. PodContainers.Names(pod).Select(name => (JsonNode)Entry(pod, name, mainState(name), ready))]);
        return status;
    }

    private static JsonObject Entry(JsonObject pod, string name, JsonObject state, bool ready = false)
    {
        var image = (pod["spec"]?["initContainers"] as JsonArray ?? []).Concat(pod["spec"]?["containers"] as JsonArray ?? [])
            .FirstOrDefault(c => c.Str("name") == name).Str("image") ?? "";
        var started = state["running"] is not null;
        var entry = new JsonObject
        {
            ["name"] = name,
            ["image"] = image,
            ["imageID"] = state["waiting"] is null ? $"docker.io/{image}@sha256:{new string('0', 64)}" : "",
            ["ready"] = ready && started,
            ["started"] = started,
            ["restartCount"] = 0,
            ["state"] = state,
            ["lastState"] = new JsonObject(),
        };
        if (state["waiting"] is null)
        {
            entry["containerID"] = ContainerId(name);
        }

        return entry;
    }

    private static string ContainerId(string name) => $"containerd://{Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(name))}";

    private static JsonObject WaitingState(string reason, string? message)
    {
        var waiting = new JsonObject { ["reason"] = reason };
        if (message is not null)
        {
            waiting["message"] = message;
        }

        return new JsonObject { ["waiting"] = waiting };
    }

    private static JsonObject Terminated(JsonObject pod, string name, int exitCode, string reason, string? message, DateTimeOffset now)
    {
        var terminated = new JsonObject
        {
            ["exitCode"] = exitCode,
            ["reason"] = reason,
            ["startedAt"] = StartedAt(pod, name, now),
            ["finishedAt"] = PodContainers.State(pod, name)?.State == "terminated"
                ? PodContainers.Status(pod, name)!["state"]!["terminated"]!["finishedAt"]?.DeepClone()
                : KubeJson.Time(now),
            ["containerID"] = ContainerId(name),
        };
        if (message is not null)
        {
            terminated["message"] = message;
        }

        return new JsonObject { ["terminated"] = terminated };
    }

    private static JsonNode StartedAt(JsonObject pod, string name, DateTimeOffset now)
    {
        var state = PodContainers.Status(pod, name)?["state"];
        return (state?["running"]?["startedAt"] ?? state?["terminated"]?["startedAt"])?.DeepClone() ?? KubeJson.Time(now);
    }

    private static JsonObject Condition(string type, bool status, DateTimeOffset now, string? reason = null, string? message = null)
    {
        var condition = new JsonObject
        {
            ["type"] = type,
            ["status"] = status ? "True" : "False",
            ["lastProbeTime"] = null,
            ["lastTransitionTime"] = KubeJson.Time(now),
        };
        if (reason is not null)
        {
            condition["reason"] = reason;
        }

        if (message is not null)
        {
            condition["message"] = message;
        }

        return condition;
    }
}
