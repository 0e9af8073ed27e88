using System.Text.Json;
using k8s.Models;
using Kelos.Agents;
using Kelos.Core.Resources;

namespace Kelos.Runtime.Kubernetes;

/// <summary>
/// The <c>kelos-agent</c> container's environment, per the agent interface. Two layers: defaults a Task's
/// <c>podOverrides.env</c> may replace (HOME, the git identity, the adapter's switches such as
/// <c>OPENCODE_DISABLE_AUTOUPDATE</c>), and Kelos's own reserved variables (<c>KELOS_*</c>, the GitHub token, the
/// agent credential), which no override may touch. Secrets are only ever <c>secretKeyRef</c>s.
/// </summary>
internal static class AgentContainerEnvironment
{
    /// <summary>Variables Kelos sets that a Task may replace.</summary>
    public static List<V1EnvVar> Defaults(TaskJobInput input)
    {
        var env = new List<V1EnvVar>
        {
            Plain("HOME", PodLayout.HomeDir),
            Plain("GIT_AUTHOR_NAME", "Kelos Agent"),
            Plain("GIT_AUTHOR_EMAIL", "kelos-agent@localhost"),
            Plain("GIT_COMMITTER_NAME", "Kelos Agent"),
            Plain("GIT_COMMITTER_EMAIL", "kelos-agent@localhost"),
        };
        env.AddRange(AgentSwitches(input));
        return env;
    }

    /// <summary>The reserved variables (see <see cref="Core.Loading.ReservedNames.EnvironmentVariables"/>).</summary>
    public static List<V1EnvVar> Reserved(TaskJobInput input)
    {
        var spec = input.Task.Spec;
        var workspace = input.Workspace?.Spec;
        var env = new List<V1EnvVar>
        {
            Plain("KELOS_AGENT_TYPE", spec.Type!),
            Plain("KELOS_TASK_NAME", input.Task.Name),
            Plain("KELOS_BRANCH", input.Branch),
        };
        AddIfSet(env, "KELOS_BASE_BRANCH", workspace?.Ref);
        AddIfSet(env, "KELOS_MODEL", spec.Model);
        AddIfSet(env, "KELOS_EFFORT", spec.Effort);
        AddIfSet(env, "KELOS_UPSTREAM_REPO", spec.UpstreamRepo ?? UpstreamFromRemotes(input.Workspace));
        AddIfSet(env, "KELOS_AGENTS_MD", input.AgentConfig?.AgentsMd);
        if (input.AgentConfig?.Plugins.Count > 0)
        {
            env.Add(Plain("KELOS_PLUGIN_DIR", PodLayout.PluginDir));
        }

        if (input.McpServersNeedSecrets)
        {
            env.Add(FromSecret("KELOS_MCP_SERVERS", TaskSecretBuilder.NameFor(input.Task), TaskSecretBuilder.McpServersKey));
        }
        else
        {
            AddIfSet(env, "KELOS_MCP_SERVERS", McpServersJson.Build(input.AgentConfig));
        }

        if (workspace?.SetupCommand is { Count: > 0 } setup)
        {
            env.Add(Plain("KELOS_SETUP_COMMAND", JsonSerializer.Serialize(setup)));
        }

        if (input.UsesGitHubToken)
        {
            env.AddRange(GitHubToken(input));
        }

        if (Credential(input) is { } credential)
        {
            env.Add(credential);
        }

        return env;
    }

    private static IEnumerable<V1EnvVar> GitHubToken(TaskJobInput input)
    {
        var secret = TaskSecretBuilder.NameFor(input.Task);
        yield return FromSecret("GITHUB_TOKEN", secret, TaskSecretBuilder.TokenKey);
        var host = GitUrl.Host(input.Workspace!.Spec.Repo);
        if (host is null || host == "github.com")
        {
            yield return FromSecret("GH_TOKEN", secret, TaskSecretBuilder.TokenKey);
        }
        else
        {
            yield return FromSecret("GH_ENTERPRISE_TOKEN", secret, TaskSecretBuilder.TokenKey);
            yield return Plain("GH_HOST", host);
        }

        yield return Plain("KELOS_GITHUB_TOKEN_FILE", PodLayout.GitHubTokenFile);
    }

    /// <summary>The agent's credential from the Task's credentials Secret, under the key named like the variable (as upstream).</summary>
    private static V1EnvVar? Credential(TaskJobInput input)
    {
        var credentials = input.Task.Spec.Credentials;
        if (credentials is null || credentials.Type == Credentials.None)
        {
            return null;
        }

        var secret = credentials.SecretRef?.Name;
        if (string.IsNullOrEmpty(secret))
        {
            throw new TaskJobException("spec.credentials.secretRef.name", $"required for {credentials.Type} credentials");
        }

        var variable = input.Adapter.CredentialVariable(credentials.Type);
        return FromSecret(variable, secret, variable);
    }

    /// <summary>
    /// The adapter's own switches (e.g. <c>GEMINI_CLI_TRUST_WORKSPACE=true</c>). Variables that point at config
    /// files under the home are left out: in a pod the entrypoint writes the agent's config, not Kelos.
    /// </summary>
    private static IEnumerable<V1EnvVar> AgentSwitches(TaskJobInput input)
    {
        var context = new AgentRunContext(
            input.Adapter.AgentType,
            input.Prompt,
            input.Task.Spec.Model,
            input.Task.Spec.Effort,
            input.Workspace is null ? PodLayout.WorkspaceDir : PodLayout.RepoDir,
            PodLayout.HomeDir,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["KELOS_TASK_NAME"] = input.Task.Name });
        return input.Adapter.Prepare(context).Environment
            .Where(e => e.Key != "HOME" && !e.Value.StartsWith(PodLayout.HomeDir, StringComparison.Ordinal))
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => Plain(e.Key, e.Value));
    }

    private static string? UpstreamFromRemotes(Workspace? workspace) =>
        workspace?.Spec.Remotes?.FirstOrDefault(r => r.Name == "upstream")?.Url is { } url ? GitUrl.OwnerRepo(url) : null;

    private static void AddIfSet(List<V1EnvVar> env, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            env.Add(Plain(name, value));
        }
    }

    private static V1EnvVar Plain(string name, string value) => new() { Name = name, Value = value };

    private static V1EnvVar FromSecret(string name, string secret, string key) => new()
    {
        Name = name,
        ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = secret, Key = key } },
    };
}
