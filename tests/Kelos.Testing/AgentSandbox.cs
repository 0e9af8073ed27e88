namespace Kelos.Testing;

/// <summary>
/// One agent run's world: a fresh git repository to work in, a fresh <c>HOME</c>, the scripted model server, and an
/// environment scrubbed of any real provider settings, so a run can reach nothing but the server.
/// </summary>
public sealed class AgentSandbox : IAsyncDisposable
{
    /// <summary>Prefixes of variables that could point an agent at a real provider or shared state.</summary>
    private static readonly string[] ScrubbedPrefixes =
        ["ANTHROPIC_", "CLAUDE_", "OPENAI_", "CODEX_", "GEMINI_", "GOOGLE_", "OPENCODE_", "XDG_"];

    private readonly string _root;

    private AgentSandbox(string root, TemporaryGitRepository repository, ScriptedModelServer server)
    {
        _root = root;
        Repository = repository;
        Server = server;
        Home = Directory.CreateDirectory(Path.Combine(root, "home")).FullName;
    }

    /// <summary>The repository the agent works in (its working directory).</summary>
    public TemporaryGitRepository Repository { get; }

    /// <summary>The model the agent talks to.</summary>
    public ScriptedModelServer Server { get; }

    /// <summary>The agent's <c>HOME</c>, empty at the start.</summary>
    public string Home { get; }

    /// <summary>How long one CLI run may take before it is killed (a run against the server takes seconds).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The server's root without a trailing slash, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string ServerRoot => Server.BaseUrl.ToString().TrimEnd('/');

    /// <summary>Creates the repository and home and starts a server.</summary>
    public static async Task<AgentSandbox> CreateAsync(ScriptedModelServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var root = Directory.CreateTempSubdirectory("kelos-sandbox-").FullName;
        var repository = await TemporaryGitRepository.CreateAsync(cancellationToken);
        var server = await ScriptedModelServer.StartAsync(options, cancellationToken);
        return new AgentSandbox(root, repository, server);
    }

    /// <summary>Writes a file under <see cref="Home"/> (creating its directories) and returns its full path.</summary>
    public string WriteHomeFile(string relativePath, string content)
    {
        var path = Path.Combine(Home, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>
    /// Runs agent CLI <paramref name="cli"/> (see <see cref="AgentClis"/>) in the repository, with <see cref="Home"/>
    /// as HOME, a private TMPDIR, and <paramref name="environment"/> on top; killed after <see cref="Timeout"/>.
    /// </summary>
    public Task<CommandResult> RunAsync(
        string cli,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?> environment,
        CancellationToken cancellationToken = default)
    {
        var env = new Dictionary<string, string?>();
        foreach (var name in Environment.GetEnvironmentVariables().Keys.OfType<string>())
        {
            if (ScrubbedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            {
                env[name] = null;
            }
        }

        env["HOME"] = Home;
        // Keeps the CLIs' temp files (Gemini's error reports, Claude's sockets) inside the sandbox.
        env["TMPDIR"] = Directory.CreateDirectory(Path.Combine(_root, "tmp")).FullName;
        foreach (var (name, value) in environment)
        {
            env[name] = value;
        }

        return CommandRunner.RunAsync(AgentClis.Require(cli), arguments, Repository.Path, env, Timeout, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Repository.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // An agent's leftover child process may still hold a file; the temp cleaner gets it later.
        }
    }
}
