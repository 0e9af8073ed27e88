using System.Text.Json.Nodes;

namespace Kelos.Testing.Kubernetes;

/// <summary>
/// A parsed <c>fieldSelector</c>: <c>path=value</c>, <c>path==value</c> or <c>path!=value</c>, comma-separated, where path
/// is a dotted field such as <c>metadata.name</c>, <c>metadata.namespace</c>, <c>status.phase</c> or
/// <c>involvedObject.name</c>. (The real server allows only a few fields per kind; this one allows any.)
/// </summary>
internal sealed class FieldSelector
{
    private readonly List<(string Path, string Value, bool Equal)> _requirements = [];

    public static FieldSelector Everything { get; } = new();

    public static FieldSelector Parse(string? text)
    {
        var selector = new FieldSelector();
        if (string.IsNullOrWhiteSpace(text))
        {
            return selector;
        }

        foreach (var raw in text.Split(','))
        {
            var part = raw.Trim();
            var notEqual = part.IndexOf("!=", StringComparison.Ordinal);
            var equal = part.IndexOf('=', StringComparison.Ordinal);
            if (notEqual > 0)
            {
                selector._requirements.Add((part[..notEqual], part[(notEqual + 2)..], false));
            }
            else if (equal > 0)
            {
                var value = part[(equal + 1)..];
                selector._requirements.Add((part[..equal], value.StartsWith('=') ? value[1..] : value, true));
            }
            else
            {
                throw KubernetesStatus.BadRequest($"invalid selector: '{text}'; can't understand '{part}'");
            }
        }

        return selector;
    }

    public bool Matches(JsonObject obj) => _requirements.All(r => (Resolve(obj, r.Path) == r.Value) == r.Equal);

    private static string Resolve(JsonObject obj, string path)
    {
        JsonNode? node = obj;
        foreach (var segment in path.Split('.'))
        {
            node = node is JsonObject o ? o[segment] : null;
        }

        return node is JsonValue value ? value.ToString() : "";
    }
}
