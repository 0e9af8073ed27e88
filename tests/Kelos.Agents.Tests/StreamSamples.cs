namespace Kelos.Agents.Tests;

/// <summary>Recorded agent output under <c>Streams/&lt;agent&gt;/&lt;case&gt;.jsonl</c>, fed through the real adapters.</summary>
internal static class StreamSamples
{
    public static string[] Lines(string agentType, string sample) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Streams", agentType, sample + ".jsonl"));

    public static AgentRunSummary Run(string agentType, string sample, int exitCode) =>
        Run(agentType, Lines(agentType, sample), exitCode);

    public static AgentRunSummary Run(string agentType, IEnumerable<string> lines, int exitCode)
    {
        var parser = AgentAdapters.For(agentType).CreateParser();
        foreach (var line in lines)
        {
            parser.Feed(line);
        }

        return parser.Complete(exitCode);
    }

    public static List<AgentLogEntry> Format(string agentType, string sample)
    {
        var adapter = AgentAdapters.For(agentType);
        return Lines(agentType, sample).SelectMany(adapter.FormatLogLine).ToList();
    }
}
