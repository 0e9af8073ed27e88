namespace Kelos.Agents;

/// <summary>How to start one agent run: the command, what to add to its environment, the files to write first.</summary>
/// <param name="FileName">The executable (looked up on PATH when not a path).</param>
/// <param name="Arguments">Arguments, the prompt among them; never passed through a shell.</param>
/// <param name="Environment">Variables to add to the run's environment (e.g. config locations).</param>
/// <param name="Files">Config files to write before the start (absolute paths, under the home or work dir).</param>
/// <param name="CloseStdin">True when the CLI must see end-of-input on stdin (codex waits otherwise).</param>
public sealed record AgentLaunch(
    string FileName,
    IReadOnlyList<string> Arguments,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<AgentConfigFile> Files,
    bool CloseStdin = true);
