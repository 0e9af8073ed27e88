namespace Kelos.Agents;

/// <summary>
/// Turns an agent's raw stdout into readable lines for people: assistant text, tool calls, results, through
/// the agent family's adapter. The outputs block is left out (the summary shows it).
/// </summary>
public sealed class AgentLogFormatter(string agentType)
{
    private readonly IAgentAdapter? _adapter = AgentAdapters.All.FirstOrDefault(a => a.AgentType == agentType);
    private bool _inOutputsBlock;

    public IEnumerable<string> Format(string line)
    {
        if (line.StartsWith("---KELOS_OUTPUTS_START---", StringComparison.Ordinal))
        {
            _inOutputsBlock = true;
            yield break;
        }

        if (_inOutputsBlock)
        {
            _inOutputsBlock = !line.StartsWith("---KELOS_OUTPUTS_END---", StringComparison.Ordinal);
            yield break;
        }

        if (string.IsNullOrWhiteSpace(line))
        {
            yield break;
        }

        if (_adapter is null)
        {
            yield return line;
            yield break;
        }

        foreach (var entry in _adapter.FormatLogLine(line))
        {
            var prefix = entry.Kind switch
            {
                AgentLogKind.ToolCall => "",
                AgentLogKind.ToolResult => "  ",
                AgentLogKind.Error => "error: ",
                _ => "",
            };
            foreach (var part in entry.Text.Split('\n'))
            {
                yield return prefix + part;
            }
        }
    }
}
