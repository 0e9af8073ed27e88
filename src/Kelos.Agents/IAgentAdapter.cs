namespace Kelos.Agents;

/// <summary>One agent family: how it is launched and how its output stream is read.</summary>
public interface IAgentAdapter
{
    /// <summary>claude-code, codex, gemini, opencode or cursor.</summary>
    string AgentType { get; }

    /// <summary>The variable the credential goes in, for <c>api-key</c> or <c>oauth</c> credentials.</summary>
    string CredentialVariable(string credentialType);

    /// <summary>The command line, environment additions and config files for a run.</summary>
    AgentLaunch Prepare(AgentRunContext context);

    /// <summary>A fresh parser for one run's stdout.</summary>
    IAgentStreamParser CreateParser();

    /// <summary>One stdout line as zero or more readable lines for <c>kelos logs</c>.</summary>
    IReadOnlyList<AgentLogEntry> FormatLogLine(string line);
}
