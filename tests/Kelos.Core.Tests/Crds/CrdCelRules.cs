using System.Text.Json.Nodes;
using Kelos.Core.Resources;

namespace Kelos.Core.Tests.Crds;

/// <summary>
/// CEL rules (<c>x-kubernetes-validations</c>) for checks across one object's fields. Kept to expressions upstream
/// Kelos ships in its own CRDs: no API server runs here to compile a new one, and a rule that does not compile
/// makes the whole CRD fail to apply. Each comes with a resource the loader rejects for the same reason and one it
/// accepts, so the two stay in agreement.
/// </summary>
internal static class CrdCelRules
{
    public static readonly IReadOnlyList<CelRule> All =
    [
        new(
            typeof(Credentials),
            "self.type == 'none' || has(self.secretRef)",
            "secretRef is required for api-key and oauth credentials",
            Rejected: """
                apiVersion: kelos.dev/v1alpha1
                kind: Task
                metadata:
                  name: t
                spec:
                  type: codex
                  prompt: p
                  credentials:
                    type: api-key
                """,
            Accepted: """
                apiVersion: kelos.dev/v1alpha1
                kind: Task
                metadata:
                  name: t
                spec:
                  type: codex
                  prompt: p
                  credentials:
                    type: none
                """),
    ];

    /// <summary>The <c>x-kubernetes-validations</c> of a type, or null when it has none.</summary>
    public static JsonArray? For(Type type)
    {
        var rules = All.Where(r => r.Owner == type).ToList();
        return rules.Count == 0
            ? null
            : new JsonArray(rules.Select(r => (JsonNode?)new JsonObject { ["rule"] = r.Rule, ["message"] = r.Message }).ToArray());
    }
}

/// <summary>One CEL rule on every object of <paramref name="Owner"/>'s type, with a resource each side of it.</summary>
internal sealed record CelRule(Type Owner, string Rule, string Message, string Rejected, string Accepted);
