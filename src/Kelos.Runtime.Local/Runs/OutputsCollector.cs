using Kelos.Agents;
using Kelos.Runtime.Local.Git;

namespace Kelos.Runtime.Local.Runs;

/// <summary>
/// Builds the outputs block the capture step of an agent image prints: branch, commit, base branch, tokens,
/// cost, the final answer in base64; then what the agent printed itself, which wins on the same key.
/// </summary>
public static class OutputsCollector
{
    public static List<KeyValuePair<string, string>> Collect(PublishedWork? work, PreparedClone? clone, AgentProcessResult agent)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (work is not null && clone is not null)
        {
            pairs.Add(new("branch", work.Branch));
            pairs.Add(new("commit", work.Commit));
            pairs.Add(new("base-branch", clone.BaseBranch));
        }

        pairs.AddRange(OutputsBlock.SummaryPairs(agent.Summary));
        pairs.AddRange(agent.OwnBlock);
        return pairs;
    }
}
