using System.Text.Json.Nodes;
using Kelos.Core.Resources;

namespace Kelos.Core.Tests.Crds;

/// <summary>
/// The loader's code rules that Kubernetes can check too (patterns, enums, lengths), by field. Rules that span fields
/// (exactly one source, <c>worker</c> or the flat fields, <c>secretRef</c> for api-key credentials) stay with the
/// loader: <c>kelos validate</c> checks them before <c>kubectl apply</c>.
/// </summary>
internal static class CrdFieldRules
{
    /// <summary>A DNS-1123 subdomain, as the loader's name rule (and Kubernetes) has it.</summary>
    public const string SubdomainPattern = @"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    /// <summary>A Go duration (<c>30s</c>, <c>5m</c>, <c>1h30m</c>).</summary>
    public const string DurationPattern = @"^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$";

    /// <summary>A clone URL or a local path, as the loader accepts for a Workspace's repo and remotes.</summary>
    public const string RepositoryPattern =
        @"^(((?i:https?|git|ssh)://[^/\s]+|(?i:file)://)\S*|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^/\s]\S*|\.\.?(/\S*)?|/\S*)$";

    /// <summary>A name that becomes one directory or file name (plugins, skills, agents).</summary>
    public const string PathSegmentPattern = "^[A-Za-z0-9][A-Za-z0-9._-]*$";

    private const string Task = """
        apiVersion: kelos.dev/v1alpha1
        kind: Task
        metadata:
          name: t
        spec:
          prompt: p
          credentials:
            type: none

        """;

    public static readonly IReadOnlyList<CrdFieldRule> All =
    [
        new(
            typeof(AgentRunFields), "type", Enum(AgentTypes.All), false,
            Task.Replace("spec:\n", "spec:\n  type: VALUE\n", StringComparison.Ordinal),
            ["claude-code", "codex", "cursor"], ["claude", "Codex", "\"\""]),
        new(
            typeof(WorkerSpec), "type", Enum(AgentTypes.All), false,
            """
            apiVersion: kelos.dev/v1alpha2
            kind: Task
            metadata:
              name: t
            spec:
              prompt: p
              worker:
                type: VALUE
                credentials:
                  type: none
            """,
            ["gemini", "opencode"], ["gpt", "\"\""]),
        new(
            typeof(NameReference), "name", Subdomain(), false,
            Task.Replace("spec:\n", "spec:\n  type: codex\n  workspaceRef:\n    name: VALUE\n", StringComparison.Ordinal),
            ["repo", "my-repo.v2", "\"0\""], ["My-Repo", "-repo", "repo-", "a_b", "\"\"", new string('a', 254)]),
        new(
            typeof(AgentRunFields), "dependsOn", Subdomain(), true,
            Task.Replace("spec:\n", "spec:\n  type: codex\n  dependsOn: [VALUE]\n", StringComparison.Ordinal),
            ["scaffold", "step.1"], ["Scaffold", "a b", "\"\""]),
        new(
            typeof(GitHubPollSource), "pollInterval", new JsonObject { ["pattern"] = DurationPattern }, false,
            """
            apiVersion: kelos.dev/v1alpha1
            kind: TaskSpawner
            metadata:
              name: s
            spec:
              when:
                githubIssues:
                  pollInterval: VALUE
              taskTemplate:
                type: codex
                credentials:
                  type: none
                promptTemplate: p
            """,
            ["30s", "5m", "1h30m", "1.5h", "250ms"], ["5", "5 m", "five minutes", "1d", "\"\""]),
        new(
            typeof(WorkspaceSpec), "repo", new JsonObject { ["pattern"] = RepositoryPattern }, false,
            """
            apiVersion: kelos.dev/v1alpha1
            kind: Workspace
            metadata:
              name: w
            spec:
              repo: VALUE
            """,
            [
                "https://github.com/kelos-dev/kelos.git", "http://git.local/r", "git://host/r", "ssh://git@host/r",
                "git@github.com:owner/repo.git", "file:///srv/repo", "/srv/repo", "./repo", "../repo", ".",
                "HTTPS://github.com/o/r",
            ],
            ["github.com/owner/repo", "https:///nohost", "ftp://host/r", "\"https://host/a b\"", "repo", "git@host:/abs"]),
        new(
            typeof(WorkspaceRemote), "url", new JsonObject { ["pattern"] = RepositoryPattern }, false,
            """
            apiVersion: kelos.dev/v1alpha1
            kind: Workspace
            metadata:
              name: w
            spec:
              repo: https://github.com/o/r
              remotes:
                - name: upstream
                  url: VALUE
            """,
            ["https://github.com/upstream/r", "git@github.com:upstream/r.git"], ["upstream/r", "\"\""]),
        new(
            typeof(WorkspaceSpec), "setupCommand", new JsonObject { ["minItems"] = 1, ["items"] = new JsonObject { ["pattern"] = @"\S" } }, false,
            """
            apiVersion: kelos.dev/v1alpha1
            kind: Workspace
            metadata:
              name: w
            spec:
              repo: https://github.com/o/r
              setupCommand: VALUE
            """,
            ["[make, deps]", "[\"npm ci\"]"], ["[]", "[make, \"\"]", "[\"  \"]"]),
        new(
            typeof(PluginSpec), "name", new JsonObject { ["pattern"] = PathSegmentPattern }, false,
            """
            apiVersion: kelos.dev/v1alpha1
            kind: AgentConfig
            metadata:
              name: c
            spec:
              plugins:
                - name: VALUE
            """,
            ["review", "Review_Kit-2.0"], ["../x", ".hidden", "a/b", "\"\""]),
        new(
            typeof(NamedContent), "name", new JsonObject { ["pattern"] = PathSegmentPattern }, false,
            """
            apiVersion: kelos.dev/v1alpha1
            kind: AgentConfig
            metadata:
              name: c
            spec:
              plugins:
                - name: kit
                  skills:
                    - name: VALUE
                      content: text
            """,
            ["lint", "lint.v2"], ["a/b", "-x", "\"\""]),
    ];

    /// <summary>Merges the rules for this field into its schema.</summary>
    public static void Apply(Type owner, string field, JsonObject schema)
    {
        foreach (var rule in All.Where(r => r.Owner == owner && r.Field == field))
        {
            var target = rule.OnItems ? (JsonObject)schema["items"]! : schema;
            Merge(target, rule.Constraints);
        }
    }

    private static void Merge(JsonObject target, JsonObject constraints)
    {
        foreach (var (key, value) in constraints)
        {
            if (value is JsonObject inner && target[key] is JsonObject existing)
            {
                Merge(existing, inner);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    private static JsonObject Enum(IEnumerable<string> values) =>
        new() { ["enum"] = new JsonArray(values.Select(v => (JsonNode?)v).ToArray()) };

    private static JsonObject Subdomain() => new() { ["pattern"] = SubdomainPattern, ["maxLength"] = 253 };
}
