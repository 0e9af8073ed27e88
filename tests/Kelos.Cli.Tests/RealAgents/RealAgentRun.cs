using System.Text;
using System.Text.Json.Nodes;
using Kelos.Testing;

namespace Kelos.Cli.Tests.RealAgents;

/// <summary>
/// What a new user does with one real agent: <c>kelos apply</c> a credentials Secret and a Workspace (a bare git
/// remote), then <c>kelos run -f task.yaml --watch</c> in the embedded runtime, the agent reaching the scripted
/// model through the gateway variables in the Task's <c>podOverrides.env</c>.
/// </summary>
public sealed class RealAgentRun : IAsyncDisposable
{
    public const string ApiKey = "sk-test-secret-key-0123456789";

    private readonly KelosCli _kelos = new();
    private readonly RealAgent _agent;
    private readonly string _path;

    private RealAgentRun(RealAgent agent, ScriptedModelServer model, BareRemote remote)
    {
        _agent = agent;
        Model = model;
        Remote = remote;
        _path = $"{Path.GetDirectoryName(AgentClis.Require(agent.Cli))}:{Environment.GetEnvironmentVariable("PATH")}";
    }

    public ScriptedModelServer Model { get; }

    public BareRemote Remote { get; }

    public static async Task<RealAgentRun> StartAsync(RealAgent agent)
    {
        AgentClis.Require(agent.Cli);
        var model = await ScriptedModelServer.StartAsync();
        var remote = await BareRemote.CreateAsync();
        var run = new RealAgentRun(agent, model, remote);
        var resources = run._kelos.Write("resources.yaml", $"""
            apiVersion: v1
            kind: Secret
            metadata:
              name: model-key
            stringData:
              {agent.SecretKey}: {ApiKey}
            ---
            apiVersion: kelos.dev/v1alpha1
            kind: Workspace
            metadata:
              name: app
            spec:
              repo: {remote.Path}
            """);
        var applied = await run._kelos.RunAsync(["apply", "-f", resources], TimeSpan.FromMinutes(1), run.PathOnly);
        Assert.True(applied.ExitCode == 0, applied.ToString());
        return run;
    }

    private Dictionary<string, string?> PathOnly => new() { ["PATH"] = _path };

    /// <summary>Runs Task <paramref name="name"/> with <paramref name="prompt"/> to its end and reads it back.</summary>
    public async Task<RealAgentOutcome> RunTaskAsync(string name, string prompt, int deadlineSeconds = 300)
    {
        var env = new StringBuilder();
        foreach (var (key, value) in _agent.Gateway(Model.BaseUrl.ToString().TrimEnd('/')))
        {
            env.Append($"\n        - name: {key}\n          value: \"{value}\"");
        }

        var model = _agent.Model is null ? "" : $"\n  model: {_agent.Model}";
        var file = _kelos.Write($"{name}.yaml", $"""
            apiVersion: kelos.dev/v1alpha1
            kind: Task
            metadata:
              name: {name}
            spec:
              type: {_agent.Type}{model}
              prompt: "{prompt.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}"
              credentials:
                type: api-key
                secretRef:
                  name: model-key
              workspaceRef:
                name: app
              podOverrides:
                activeDeadlineSeconds: {deadlineSeconds}
                env:{env}
            """);
        var run = await _kelos.RunAsync(["run", "-f", file, "--watch"], TimeSpan.FromMinutes(4), PathOnly);
        var get = await _kelos.RunAsync("get", "task", name, "-o", "json");
        Assert.True(get.ExitCode == 0, get.ToString());
        return new RealAgentOutcome(run, JsonNode.Parse(get.StandardOutput)!, ReadRunLog(name));
    }

    /// <summary>The run's own log and the agent's raw output, as kept in the state directory.</summary>
    private string ReadRunLog(string task)
    {
        var dir = Path.Combine(_kelos.StateDir, "runs", task);
        return string.Join("\n", new[] { "kelos.log", "agent.log" }.Select(f => Path.Combine(dir, f)).Where(File.Exists).Select(File.ReadAllText));
    }

    public async ValueTask DisposeAsync()
    {
        await Model.DisposeAsync();
        Remote.Dispose();
        _kelos.Dispose();
    }
}
