using System.Text;
using System.Text.Json.Nodes;

namespace Kelos.Testing.Kubernetes;

/// <summary>
/// What the API server does to particular kinds on write: Secret <c>stringData</c> folded into <c>data</c>, a new Pod's
/// status and default restart policy, a new Job's defaults, selector and template labels, a Job's template being
/// immutable, and a core Event's namespace matching its <c>involvedObject</c>'s.
/// </summary>
internal static class ObjectRules
{
    public const string ControllerUidLabel = "batch.kubernetes.io/controller-uid";
    public const string JobNameLabel = "batch.kubernetes.io/job-name";
    public const string LegacyControllerUidLabel = "controller-uid";
    public const string LegacyJobNameLabel = "job-name";

    public static void OnCreate(ResourceType type, JsonObject obj, DateTimeOffset now)
    {
        if (type == ResourceTypes.Secrets)
        {
            FoldStringData(obj);
            obj["type"] ??= "Opaque";
        }
        else if (type == ResourceTypes.Pods)
        {
            ObjectValidation.CheckPodSpec(type, obj.Name(), obj["spec"], "spec");
            obj["spec"]!["restartPolicy"] ??= "Always";
            obj["status"] = new JsonObject { ["phase"] = "Pending", ["qosClass"] = "BestEffort" };
        }
        else if (type == ResourceTypes.Jobs)
        {
            DefaultJob(obj);
        }
        else if (type == ResourceTypes.CoreEvents)
        {
            CheckEventNamespace(obj);
            obj["firstTimestamp"] ??= KubeJson.Time(now);
            obj["lastTimestamp"] ??= KubeJson.Time(now);
            obj["count"] ??= 1;
        }
        else if (type == ResourceTypes.Namespaces)
        {
            obj["status"] = new JsonObject { ["phase"] = "Active" };
        }
        else if (type == ResourceTypes.CustomResourceDefinitions)
        {
            // The apiextensions controller accepts the names and establishes a new CRD within moments; here at once.
            obj["status"] = new JsonObject
            {
                ["acceptedNames"] = obj["spec"]?["names"]?.DeepClone(),
                ["conditions"] = new JsonArray(Condition("NamesAccepted", "NoConflicts", now), Condition("Established", "InitialNamesAccepted", now)),
                ["storedVersions"] = new JsonArray([.. (obj["spec"]?["versions"] as JsonArray ?? []).Where(v => v?["storage"]?.GetValue<bool>() == true).Select(v => JsonValue.Create(v!.Str("name")))]),
            };
        }
    }

    private static JsonObject Condition(string type, string reason, DateTimeOffset now) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["reason"] = reason,
        ["lastTransitionTime"] = KubeJson.Time(now),
    };

    public static void OnUpdate(ResourceType type, JsonObject old, JsonObject next)
    {
        if (type == ResourceTypes.Secrets)
        {
            FoldStringData(next);
            next["type"] ??= old["type"]?.DeepClone();
        }
        else if (type == ResourceTypes.Jobs)
        {
            var template = next["spec"]?["template"];
            if (!KubeJson.Same(template, old["spec"]?["template"]))
            {
                throw KubernetesStatus.Invalid(type, next.Name(), "spec.template", "Invalid value: field is immutable");
            }

            if (!KubeJson.Same(next["spec"]?["selector"], old["spec"]?["selector"]))
            {
                throw KubernetesStatus.Invalid(type, next.Name(), "spec.selector", "Invalid value: field is immutable");
            }
        }
    }

    /// <summary>A core Event lives in the namespace of the object it is about (the server's legacy event validation).</summary>
    private static void CheckEventNamespace(JsonObject obj)
    {
        var ns = obj.Metadata().Str("namespace");
        var involved = obj["involvedObject"].Str("namespace") ?? "";
        if (involved.Length == 0 ? ns is not ("default" or "") : involved != ns)
        {
            throw KubernetesStatus.Invalid(ResourceTypes.CoreEvents, obj.Name(), "involvedObject.namespace", $"Invalid value: \"{involved}\": does not match event.namespace");
        }
    }

    private static void FoldStringData(JsonObject secret)
    {
        if (secret["stringData"] is not JsonObject stringData)
        {
            secret.Remove("stringData");
            return;
        }

        if (secret["data"] is not JsonObject data)
        {
            data = [];
            secret["data"] = data;
        }

        foreach (var (key, value) in stringData)
        {
            data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value?.ToString() ?? ""));
        }

        secret.Remove("stringData");
    }

    private static void DefaultJob(JsonObject job)
    {
        var type = ResourceTypes.Jobs;
        var name = job.Name();
        var uid = job.Uid()!;
        if (job["spec"] is not JsonObject spec || spec["template"] is not JsonObject template)
        {
            throw KubernetesStatus.Invalid(type, name, "spec.template", "Required value", "FieldValueRequired");
        }

        ObjectValidation.CheckPodSpec(type, name, template["spec"], "spec.template.spec");
        var restartPolicy = template["spec"].Str("restartPolicy");
        if (restartPolicy is not ("Never" or "OnFailure"))
        {
            throw KubernetesStatus.Invalid(
                type, name, "spec.template.spec.restartPolicy",
                restartPolicy is null ? "Required value: valid values: \"OnFailure\", \"Never\"" : $"Unsupported value: \"{restartPolicy}\": supported values: \"OnFailure\", \"Never\"",
                restartPolicy is null ? "FieldValueRequired" : "FieldValueNotSupported");
        }

        spec["backoffLimit"] ??= 6;
        spec["completions"] ??= 1;
        spec["parallelism"] ??= 1;
        spec["completionMode"] ??= "NonIndexed";
        spec["suspend"] ??= false;
        spec["podReplacementPolicy"] ??= "TerminatingOrFailed";
        spec["selector"] ??= new JsonObject { ["matchLabels"] = new JsonObject { [ControllerUidLabel] = uid } };
        var templateMetadata = template.Metadata();
        if (templateMetadata["labels"] is not JsonObject labels)
        {
            labels = [];
            templateMetadata["labels"] = labels;
        }

        labels[ControllerUidLabel] = uid;
        labels[JobNameLabel] = name;
        labels[LegacyControllerUidLabel] = uid;
        labels[LegacyJobNameLabel] = name;
        job["status"] = new JsonObject();
    }
}
