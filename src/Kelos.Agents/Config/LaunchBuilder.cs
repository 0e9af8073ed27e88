namespace Kelos.Agents.Config;

/// <summary>
/// Collects one run's command line, environment additions and config files. Every launch sets <c>HOME</c> to
/// the run's home, because that is where the files it writes are looked for.
/// </summary>
internal sealed class LaunchBuilder
{
    private readonly AgentRunContext context;
    private readonly List<string> arguments = [];
    private readonly Dictionary<string, string> environment = new(StringComparer.Ordinal);
    private readonly List<AgentConfigFile> files = [];

    public LaunchBuilder(AgentRunContext context, params string[] leadingArguments)
    {
        ArgumentNullException.ThrowIfNull(context);
        this.context = context;
        arguments.AddRange(leadingArguments);
        environment["HOME"] = context.HomeDir;
    }

    /// <summary>A path under the run's home directory.</summary>
    public string Home(params string[] parts) => Path.Combine([context.HomeDir, .. parts]);

    public LaunchBuilder Add(params string[] values)
    {
        arguments.AddRange(values);
        return this;
    }

    /// <summary>Adds <c>name value</c> only when the value is set.</summary>
    public LaunchBuilder Option(string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            arguments.Add(name);
            arguments.Add(value);
        }

        return this;
    }

    public LaunchBuilder Set(string variable, string value)
    {
        environment[variable] = value;
        return this;
    }

    public LaunchBuilder File(string path, string content)
    {
        files.Add(new AgentConfigFile(path, content));
        return this;
    }

    /// <summary>Writes the merged AgentConfig instructions to <paramref name="path"/> when there are any.</summary>
    public LaunchBuilder Instructions(string path) =>
        string.IsNullOrEmpty(context.AgentsMd) ? this : File(path, context.AgentsMd);

    /// <summary>
    /// Stdin is always closed: Codex waits for more input otherwise, and Gemini and OpenCode would read a piped
    /// stdin into the prompt.
    /// </summary>
    public AgentLaunch Build(string fileName) => new(fileName, arguments, environment, files, CloseStdin: true);
}
