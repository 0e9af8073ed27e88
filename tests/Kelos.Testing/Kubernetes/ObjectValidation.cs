using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kelos.Testing.Kubernetes;

/// <summary>
/// The API server's checks that catch real bugs in the code under test, with its wording: object names (RFC 1123
/// subdomains; Job names also fit a label value), label keys and values, and containers in pod specs.
/// </summary>
internal static partial class ObjectValidation
{
    private const string SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    private const string LabelValueMessage =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

    public static void CheckMetadata(ResourceType type, JsonObject obj)
    {
        var name = obj.Name();
        if (name.Length == 0)
        {
            throw KubernetesStatus.Invalid(type, name, "metadata.name", "Required value: name or generateName is required", "FieldValueRequired");
        }

        if (name.Length > 253 || !Subdomain().IsMatch(name))
        {
            throw KubernetesStatus.Invalid(type, name, "metadata.name", $"Invalid value: \"{name}\": {SubdomainMessage}");
        }

        if (type == ResourceTypes.Jobs && name.Length > 63)
        {
            throw KubernetesStatus.Invalid(type, name, "metadata.name", $"Invalid value: \"{name}\": must be no more than 63 characters");
        }

        foreach (var (key, value) in obj.Labels())
        {
            CheckLabelKey(type, name, "metadata.labels", key);
            if (value.Length > 63 || !LabelValue().IsMatch(value))
            {
                throw KubernetesStatus.Invalid(type, name, "metadata.labels", $"Invalid value: \"{value}\": {(value.Length > 63 ? "must be no more than 63 characters" : LabelValueMessage)}");
            }
        }
    }

    /// <summary>Containers present, each with a name (a DNS label, unique in the pod) and an image.</summary>
    public static void CheckPodSpec(ResourceType type, string name, JsonNode? spec, string field)
    {
        if (spec?["containers"] is not JsonArray { Count: > 0 })
        {
            throw KubernetesStatus.Invalid(type, name, $"{field}.containers", "Required value", "FieldValueRequired");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in new[] { "initContainers", "containers" })
        {
            var index = 0;
            foreach (var container in spec[list] as JsonArray ?? [])
            {
                var at = $"{field}.{list}[{index++}]";
                var containerName = container.Str("name") ?? "";
                if (containerName.Length == 0 || containerName.Length > 63 || !Subdomain().IsMatch(containerName) || containerName.Contains('.', StringComparison.Ordinal))
                {
                    throw KubernetesStatus.Invalid(type, name, $"{at}.name", $"Invalid value: \"{containerName}\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character");
                }

                if (!seen.Add(containerName))
                {
                    throw KubernetesStatus.Invalid(type, name, $"{at}.name", $"Duplicate value: \"{containerName}\"", "FieldValueDuplicate");
                }

                if (string.IsNullOrEmpty(container.Str("image")))
                {
                    throw KubernetesStatus.Invalid(type, name, $"{at}.image", "Required value", "FieldValueRequired");
                }
            }
        }
    }

    private static void CheckLabelKey(ResourceType type, string name, string field, string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var prefix = slash >= 0 ? key[..slash] : null;
        var local = slash >= 0 ? key[(slash + 1)..] : key;
        var prefixOk = prefix is null || (prefix.Length is > 0 and <= 253 && Subdomain().IsMatch(prefix));
        if (!prefixOk || local.Length is 0 or > 63 || !LabelValue().IsMatch(local))
        {
            throw KubernetesStatus.Invalid(type, name, field, $"Invalid value: \"{key}\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character");
        }
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();

    [GeneratedRegex(@"^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();
}
