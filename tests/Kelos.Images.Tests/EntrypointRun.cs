using Kelos.Agents;
using Kelos.Testing;

namespace Kelos.Images.Tests;

/// <summary>
/// One run of an agent image's <c>/kelos_entrypoint.sh PROMPT</c> outside a container: the image layout, a stub
/// CLI on PATH, a git repository on the Task's branch as the working directory, a fresh HOME, and the interface's
/// environment. Dispose removes all of it.
/// </summary>
internal sealed class EntrypointRun : IDisposable
{
    public const string Prompt = "Add a hello.sh script that prints hello and commit it.";
    public const string Branch = "kelos/hello";
    public const string BaseBranch = "main";

    private EntrypointRun(string agentType, ImageLayout layout, StubAgent stub, TemporaryGitRepository repository, string home)
    {
        AgentType = agentType;
        Layout = layout;
        Stub = stub;
        Repository = repository;
        Home = home;
        Environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["HOME"] = home,
            ["PATH"] = $"{stub.BinDirectory}:{System.Environment.GetEnvironmentVariable("PATH")}",
            ["KELOS_AGENT_TYPE"] = agentType,
            ["KELOS_TASK_NAME"] = "hello-task",
            ["KELOS_BRANCH"] = Branch,
            ["KELOS_BASE_BRANCH"] = BaseBranch,
            ["KELOS_STUB_DIR"] = stub.Directory,
            ["KELOS_STUB_STREAM"] = StreamFile(agentType, "success"),
            // No token: the capture step must not ask GitHub for pull requests unless a test says so.
            ["GH_TOKEN"] = null,
            ["GITHUB_TOKEN"] = null,
            ["GH_ENTERPRISE_TOKEN"] = null,
            ["KELOS_SETUP_COMMAND"] = null,
            ["KELOS_MODEL"] = null,
            ["KELOS_EFFORT"] = null,
            ["KELOS_AGENTS_MD"] = null,
            ["KELOS_MCP_SERVERS"] = null,
            ["KELOS_PLUGIN_DIR"] = null,
            ["CODEX_HOME"] = null,
            ["CLAUDE_CONFIG_DIR"] = null,
            ["OPENCODE_CONFIG"] = null,
            ["OPENAI_BASE_URL"] = null,
            ["ANTHROPIC_BASE_URL"] = null,
            ["OPENCODE_API_KEY"] = null,
            ["CODEX_API_KEY"] = null,
            ["OPENAI_API_KEY"] = null,
            ["CODEX_AUTH_JSON"] = null,
        };
    }

    public string AgentType { get; }

    public ImageLayout Layout { get; }

    public StubAgent Stub { get; }

    public TemporaryGitRepository Repository { get; }

    public string Home { get; }

    /// <summary>The entrypoint's environment on top of this process's; a null value removes a variable.</summary>
    public Dictionary<string, string?> Environment { get; }

    /// <summary>The CLI name the agent's adapter runs (<c>agent</c> for Cursor).</summary>
    public static string CliName(string agentType) =>
        AgentAdapters.For(agentType).Prepare(new AgentRunContext(agentType, "p", null, null, "/w", "/h", new Dictionary<string, string>())).FileName;

    public static string StreamFile(string agentType, string sample) =>
        Path.Combine(AppContext.BaseDirectory, "Streams", agentType, sample + ".jsonl");

    public static async Task<EntrypointRun> CreateAsync(string agentType)
    {
        var repository = await TemporaryGitRepository.CreateAsync();
        await repository.GitAsync(["checkout", "-q", "-b", Branch]);
        var home = Directory.CreateTempSubdirectory("kelos-home-").FullName;
        return new EntrypointRun(agentType, ImageLayout.For(agentType), StubAgent.Create(CliName(agentType)), repository, home);
    }

    public Task<CommandResult> RunAsync(string prompt = Prompt) =>
        CommandRunner.RunAsync(Layout.Entrypoint, [prompt], Repository.Path, Environment, TimeSpan.FromMinutes(1));

    public async Task<string> HeadAsync() => (await Repository.GitAsync(["rev-parse", "HEAD"])).Trim();

    public void Dispose()
    {
        Layout.Dispose();
        Stub.Dispose();
        Repository.Dispose();
        Directory.Delete(Home, recursive: true);
    }
}
