using Kelos.Agents;
using Kelos.Runtime.Local.Git;

namespace Kelos.Runtime.Local.Runs;

/// <summary>
/// Builds the outputs block the capture step of an agent image prints: branch, commit, base branch, tokens,
/// cost, the final answer in base64; then what the agent printed itself, which wins on the same key.
/// </summary>
public static class OutputsCollector
{
    public static async Task<List<KeyValuePair<string, string>>> CollectAsync(
        GitClient? git,
        string repoDir,
        PreparedClone? clone,
        AgentProcessResult agent,
        CancellationToken cancellationToken)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (git is not null && clone is not null)
        {
            pairs.Add(new("branch", await git.RunAsync(repoDir, ["rev-parse", "--abbrev-ref", "HEAD"], cancellationToken)));
            pairs.Add(new("commit", await git.RunAsync(repoDir, ["rev-parse", "HEAD"], cancellationToken)));
            pairs.Add(new("base-branch", clone.BaseBranch));
        }

        pairs.AddRange(OutputsBlock.SummaryPairs(agent.Summary));
        pairs.AddRange(agent.OwnBlock);
        return pairs;
    }
}
