using System.Text.Json;
using Kelos.Core.Loading;
using Kelos.Core.Resources;
using Kelos.Core.Runtime;

namespace Kelos.Runtime.Local.Runs;

/// <summary>
/// The agent's environment, per the agent interface: the user's <c>podOverrides.env</c> (reserved names
/// dropped), then Kelos's own variables and the credential, which always win.
/// </summary>
public static class AgentEnvironment
{
    public static Dictionary<string, string> Build(
        TaskRunRequest request,
        Dictionary<string, string> baseEnvironment,
        string baseBranch,
        string? credentialVariable,
        string? gitHubToken,
        string? tokenFile,
        RunLog log)
    {
        var spec = request.Task.Spec;
        var env = new Dictionary<string, string>(baseEnvironment, StringComparer.Ordinal)
        {
            ["GIT_AUTHOR_NAME"] = "Kelos Agent",
            ["GIT_AUTHOR_EMAIL"] = "kelos-agent@localhost",
            ["GIT_COMMITTER_NAME"] = "Kelos Agent",
            ["GIT_COMMITTER_EMAIL"] = "kelos-agent@localhost",
        };

        foreach (var variable in spec.PodOverrides?.Env ?? [])
        {
            if (ReservedNames.EnvironmentVariables.Contains(variable.Name))
            {
                log.Warn($"podOverrides.env {variable.Name} is set by Kelos; the Task's value is ignored");
                continue;
            }

            var value = variable.Value ?? ResolveSecretKey(request, variable.ValueFrom?.SecretKeyRef?.Name, variable.ValueFrom?.SecretKeyRef?.Key, variable.Name);
            if (variable.ValueFrom?.SecretKeyRef is not null)
            {
                log.AddSecret(value);
            }

            env[variable.Name] = value ?? "";
        }

        env["KELOS_AGENT_TYPE"] = spec.Type!;
        env["KELOS_TASK_NAME"] = request.Task.Name;
        env["KELOS_BRANCH"] = request.Branch;
        env["KELOS_BASE_BRANCH"] = baseBranch;
        SetIfPresent(env, "KELOS_MODEL", spec.Model);
        SetIfPresent(env, "KELOS_EFFORT", spec.Effort);
        SetIfPresent(env, "KELOS_UPSTREAM_REPO", spec.UpstreamRepo ?? UpstreamFromRemotes(request.Workspace));
        SetIfPresent(env, "KELOS_AGENTS_MD", request.AgentConfig?.AgentsMd);
        if (request.Workspace?.Spec.SetupCommand is { Count: > 0 } setup)
        {
            env["KELOS_SETUP_COMMAND"] = JsonSerializer.Serialize(setup);
        }

        if (gitHubToken is not null)
        {
            env["GITHUB_TOKEN"] = gitHubToken;
            env["GH_TOKEN"] = gitHubToken;
            env["KELOS_GITHUB_TOKEN_FILE"] = tokenFile!;
        }

        if (credentialVariable is not null)
        {
            env[credentialVariable] = Credential(request, credentialVariable, log);
        }

        return env;
    }

    private static string Credential(TaskRunRequest request, string variable, RunLog log)
    {
        var secretName = request.Task.Spec.Credentials?.SecretRef?.Name
            ?? throw new RunFailedException($"credentials.secretRef is required for {request.Task.Spec.Credentials?.Type} credentials");
        var value = ResolveSecretKey(request, secretName, variable, "credentials")!;
        log.AddSecret(value);
        return value;
    }

    private static string? ResolveSecretKey(TaskRunRequest request, string? secretName, string? key, string usedFor)
    {
        if (secretName is null || key is null)
        {
            return null;
        }

        var secret = request.Secrets(secretName)
            ?? throw new RunFailedException($"Secret \"{secretName}\" (for {usedFor}) does not exist; create it with kelos apply -f");
        return secret.Get(key)
            ?? throw new RunFailedException($"Secret \"{secretName}\" has no key \"{key}\" (needed for {usedFor})");
    }

    private static string? UpstreamFromRemotes(Workspace? workspace) =>
        workspace?.Spec.Remotes?.FirstOrDefault(r => r.Name == "upstream")?.Url is { } url && Git.RepositoryName.Of(url) is var (owner, name)
            ? $"{owner}/{name}"
            : null;

    private static void SetIfPresent(Dictionary<string, string> env, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            env[name] = value;
        }
    }
}
