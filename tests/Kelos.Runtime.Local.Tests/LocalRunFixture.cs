using k8s.Models;
using Kelos.Core.Resources;
using Kelos.Core.Runtime;
using Kelos.Runtime.Local.Sandbox;
using Kelos.Runtime.Local.State;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kelos.Runtime.Local.Tests;

/// <summary>A state directory, a runtime on it, and custom agents written as small bash scripts.</summary>
public sealed class LocalRunFixture : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kelos-runtime-").FullName;
    private readonly Dictionary<string, Secret> _secrets = [];

    public LocalRunFixture(bool sandboxed = true)
    {
        State = new StateDirectory(Path.Combine(_root, "state"));
        State.EnsureCreated();
        Runtime = new LocalTaskRuntime(State, TimeProvider.System, sandboxed ? Bubblewrap.Detect() : null, NullLogger<LocalTaskRuntime>.Instance);
    }

    public StateDirectory State { get; }

    public LocalTaskRuntime Runtime { get; }

    public string Root => _root;

    /// <summary>An executable bash script: the custom agent for one test.</summary>
    public static string Script(string body)
    {
        var dir = Directory.CreateTempSubdirectory("kelos-agent-").FullName;
        var path = Path.Combine(dir, "agent.sh");
        File.WriteAllText(path, "#!/usr/bin/env bash\nset -euo pipefail\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public void AddSecret(string name, Dictionary<string, string> values) =>
        _secrets[name] = new Secret { Kind = ResourceKinds.Secret, ApiVersion = "v1", Metadata = new V1ObjectMeta { Name = name }, StringData = values };

    public static KelosTask Task(string name, string image, string? workspace = null, string? branch = null, long? deadlineSeconds = null, List<V1EnvVar>? env = null, Credentials? credentials = null) => new()
    {
        ApiVersion = ResourceKinds.V1Alpha1,
        Kind = ResourceKinds.Task,
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new TaskSpec
        {
            Type = AgentTypes.ClaudeCode,
            Prompt = "make a change",
            Image = image,
            Credentials = credentials ?? new Credentials { Type = Credentials.None },
            WorkspaceRef = workspace is null ? null : new NameReference { Name = workspace },
            Branch = branch,
            PodOverrides = deadlineSeconds is null && env is null ? null : new PodOverrides { ActiveDeadlineSeconds = deadlineSeconds, Env = env },
        },
    };

    public static Workspace Workspace(string repo, string? reference = null, List<string>? setup = null, List<WorkspaceFile>? files = null, string? secret = null) => new()
    {
        ApiVersion = ResourceKinds.V1Alpha1,
        Kind = ResourceKinds.Workspace,
        Metadata = new V1ObjectMeta { Name = "ws" },
        Spec = new WorkspaceSpec
        {
            Repo = repo,
            Ref = reference,
            SetupCommand = setup,
            Files = files,
            SecretRef = secret is null ? null : new NameReference { Name = secret },
        },
    };

    public TaskRunRequest Request(KelosTask task, Workspace? workspace = null, string? prompt = null) =>
        new(task, prompt ?? task.Spec.Prompt, workspace, null, name => _secrets.GetValueOrDefault(name));

    public string AgentLog(string task) => File.ReadAllText(Path.Combine(State.RunDirectory(task), "agent.log"));

    public string KelosLog(string task) => File.ReadAllText(Path.Combine(State.RunDirectory(task), "kelos.log"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temp cleaner.
        }
    }
}
