namespace Kelos.Testing;

/// <summary>
/// Finds the real agent CLIs that <c>scripts/install-agents.sh</c> installed: in <c>$KELOS_AGENT_BIN</c>, else in
/// <c>$KELOS_AGENT_CACHE/node_modules/.bin</c>, else in <c>&lt;repo&gt;/.cache/agents/node_modules/.bin</c>.
/// </summary>
public static class AgentClis
{
    /// <summary>The directory holding the CLI binaries (it may not exist yet).</summary>
    public static string BinDirectory
    {
        get
        {
            if (Environment.GetEnvironmentVariable("KELOS_AGENT_BIN") is { Length: > 0 } bin)
            {
                return bin;
            }

            var cache = Environment.GetEnvironmentVariable("KELOS_AGENT_CACHE") is { Length: > 0 } custom
                ? custom
                : Path.Combine(RepositoryRoot.Find(), ".cache", "agents");
            return Path.Combine(cache, "node_modules", ".bin");
        }
    }

    /// <summary>The full path of CLI <paramref name="name"/> (<c>claude</c>, <c>codex</c>, <c>gemini</c>, <c>opencode</c>).</summary>
    /// <exception cref="FileNotFoundException">The CLI is not installed; the message says how to install it.</exception>
    public static string Require(string name)
    {
        var path = Path.Combine(BinDirectory, name);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Agent CLI '{name}' is not installed at {path}. Run scripts/install-agents.sh (it prints the bin directory; "
                + "export it as KELOS_AGENT_BIN) before running these tests. They never skip a missing agent.",
                path);
        }

        return path;
    }
}
