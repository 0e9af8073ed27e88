using k8s;
using k8s.Models;

namespace Kelos.Testing.Kubernetes;

/// <summary>
/// The rules of some Roles and ClusterRoles read from RBAC YAML, judging calls as the API server's RBAC authorizer
/// does: the call's verb (get, list, watch, create, update, patch, delete, deletecollection), API group, resource
/// (with its subresource, e.g. <c>tasks/status</c>, <c>pods/log</c>) and name against each rule's lists. The stand-in
/// itself lets every call through; a test uses this to prove a role's calls would pass on a real cluster.
/// </summary>
public sealed class RbacRules
{
    private readonly List<V1PolicyRule> _rules;

    private RbacRules(List<V1PolicyRule> rules) => _rules = rules;

    /// <summary>The rules of the Roles and ClusterRoles named <paramref name="roleNames"/> in <paramref name="files"/>.</summary>
    public static RbacRules FromFiles(IEnumerable<string> files, params string[] roleNames)
    {
        var objects = files.SelectMany(f => KubernetesYaml.LoadAllFromString(File.ReadAllText(f))).ToList();
        var rules = objects.OfType<V1ClusterRole>().Where(r => roleNames.Contains(r.Metadata.Name)).SelectMany(r => r.Rules)
            .Concat(objects.OfType<V1Role>().Where(r => roleNames.Contains(r.Metadata.Name)).SelectMany(r => r.Rules))
            .ToList();
        return rules.Count == 0 ? throw new ArgumentException($"no rules for {string.Join(", ", roleNames)} in the files given") : new RbacRules(rules);
    }

    /// <summary>Whether some rule, bound (by RoleBindings) in <paramref name="boundNamespace"/> only, allows the call.</summary>
    public bool Allows(KubernetesCall call, string boundNamespace)
    {
        ArgumentNullException.ThrowIfNull(call);
        var request = Describe(call);
        return request.Namespace == boundNamespace && _rules.Any(r =>
            Has(r.ApiGroups, request.Group)
            && Has(r.Resources, request.Resource)
            && Has(r.Verbs, request.Verb)
            && (r.ResourceNames is not { Count: > 0 } names || (request.Name is not null && names.Contains(request.Name))));
    }

    /// <summary>What the authorizer sees of a call.</summary>
    public static RbacRequest Describe(KubernetesCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var parts = call.Path.Trim('/').Split('/');
        // /api/v1/... or /apis/{group}/{version}/...
        var (group, rest) = parts[0] == "api" ? ("", parts[2..]) : (parts[1], parts[3..]);
        string? ns = null;
        if (rest.Length >= 3 && rest[0] == "namespaces")
        {
            ns = rest[1];
            rest = rest[2..];
        }

        var resource = rest[0];
        var name = rest.Length > 1 ? rest[1] : null;
        if (rest.Length > 2)
        {
            resource += "/" + rest[2];
        }

        var verb = call.Method switch
        {
            "GET" when call.IsWatch => "watch",
            "GET" => name is null ? "list" : "get",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" => name is null ? "deletecollection" : "delete",
            _ => call.Method.ToLowerInvariant(),
        };
        return new RbacRequest(verb, group, resource, name, ns);
    }

    private static bool Has(IList<string>? list, string value) => list is not null && (list.Contains("*") || list.Contains(value));
}

/// <summary>
/// A call as RBAC sees it: <c>verb group resource[/subresource] [name]</c>, in <see cref="Namespace"/> (null: cluster
/// scope, or every namespace). Rules granted by a RoleBinding hold only in the binding's namespace.
/// </summary>
public sealed record RbacRequest(string Verb, string Group, string Resource, string? Name, string? Namespace)
{
    public override string ToString() =>
        $"{Verb} {(Group.Length == 0 ? "core" : Group)} {Resource}{(Name is null ? "" : " " + Name)} {(Namespace is null ? "(cluster-wide)" : "in " + Namespace)}";
}
