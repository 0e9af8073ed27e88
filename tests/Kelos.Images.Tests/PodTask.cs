using System.Text.Json;

namespace Kelos.Images.Tests;

/// <summary>
/// The Task and Workspace the container tests render: a claude-code Task with API-key credentials, on a Workspace
/// whose remote is a <see cref="GitDaemon"/> and whose GitHub token Secret makes the pod mount the per-Task Secret.
/// The Workspace's setup command prints, on the agent's stderr, what the security context made of the process:
/// <c>id</c>, its capabilities, <c>no_new_privs</c>, seccomp mode, and PID 1's name.
/// </summary>
internal static class PodTask
{
    public const string Branch = "kelos/hello";
    public const string NotesFile = "NOTES.md";
    public const string Notes = "written by workspace-files";

    /// <summary>Prints the process's security state to stderr (the setup command's output goes there).</summary>
    public const string SecurityProbe = "id; grep -E '^(CapEff|NoNewPrivs|Seccomp):' /proc/self/status; echo pid1=$(cat /proc/1/comm)";

    /// <summary>A unique Task name: podman secrets and pods are global on the machine.</summary>
    public static string NewName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public static string CredentialsSecret(string task) => $"{task}-anthropic";

    public static string Yaml(string task, string repo, string prompt, IReadOnlyDictionary<string, string>? env = null)
    {
        var overrides = env is null or { Count: 0 }
            ? ""
            : "  podOverrides:\n    env:\n" + string.Concat(env.Select(e => $"      - name: {e.Key}\n        value: {JsonSerializer.Serialize(e.Value)}\n"));
        return $"""
            apiVersion: kelos.dev/v1alpha1
            kind: Workspace
            metadata:
              name: {task}-repo
            spec:
              repo: {repo}
              ref: main
              secretRef:
                name: {task}-github
              setupCommand: ["sh", "-c", {JsonSerializer.Serialize(SecurityProbe)}]
              files:
                - path: {NotesFile}
                  content: {Notes}
            ---
            apiVersion: kelos.dev/v1alpha1
            kind: Task
            metadata:
              name: {task}
            spec:
              type: claude-code
              prompt: {JsonSerializer.Serialize(prompt)}
              branch: {Branch}
              credentials:
                type: api-key
                secretRef:
                  name: {CredentialsSecret(task)}
              workspaceRef:
                name: {task}-repo

            """ + overrides;
    }

    /// <summary>What the controller would fill in, and the Task's own credentials Secret.</summary>
    public static Dictionary<string, IReadOnlyDictionary<string, string>> Secrets(string task) => new(StringComparer.Ordinal)
    {
        [$"{task}-github-token"] = new Dictionary<string, string> { ["token"] = "ghs_test_not_a_real_token" },
        [CredentialsSecret(task)] = new Dictionary<string, string> { ["ANTHROPIC_API_KEY"] = "sk-test-not-a-real-key" },
    };
}
