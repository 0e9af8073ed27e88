using System.Text.Json.Nodes;

namespace Kelos.Testing.Kubernetes;

/// <summary>Reads a Pod's containers and their states from its JSON.</summary>
internal static class PodContainers
{
    public static List<string> Names(JsonObject pod, string list = "containers") =>
        [.. (pod["spec"]?[list] as JsonArray ?? []).Select(c => c.Str("name")).OfType<string>()];

    public static bool IsInit(JsonObject pod, string container) => Names(pod, "initContainers").Contains(container);

    /// <summary>The container's status entry, or null when the kubelet has not reported one.</summary>
    public static JsonObject? Status(JsonObject pod, string container)
    {
        var list = IsInit(pod, container) ? "initContainerStatuses" : "containerStatuses";
        return (pod["status"]?[list] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(s => s.Str("name") == container);
    }

    /// <summary><c>waiting</c>, <c>running</c> or <c>terminated</c>, and the reason when there is one; null when unknown.</summary>
    public static (string State, string? Reason)? State(JsonObject pod, string container)
    {
        if (Status(pod, container)?["state"] is not JsonObject state)
        {
            return null;
        }

        foreach (var name in new[] { "terminated", "running", "waiting" })
        {
            if (state[name] is JsonObject detail)
            {
                return (name, detail.Str("reason"));
            }
        }

        return null;
    }

    public static bool IsFinished(JsonObject pod) => pod["status"].Str("phase") is "Succeeded" or "Failed";
}
