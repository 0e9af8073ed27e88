using Kelos.Contracts;
using Kelos.Core.Commands;
using Kelos.Core.Text;

namespace Kelos.Core.Triggers;

/// <summary>What webhook filters look at, read once from an event (and the command it is matched for).</summary>
/// <param name="Body">The text body patterns see: the command's canonical line when there is a command, else the
/// comment (or review) body, else the issue or pull request body; hidden text stripped.</param>
/// <param name="Labels">The subject's labels, plus the label just added on a <c>labeled</c> action.</param>
/// <param name="Branch">The pull request's head branch, else the check run's head branch.</param>
internal sealed record EventFacts(
    GitHubEventReceived Event,
    string Body,
    IReadOnlySet<string> Labels,
    string? AddedLabel,
    string? Branch)
{
    public static EventFacts From(GitHubEventReceived e, SlashCommand? command)
    {
        var body = command?.ToCommandLine() ?? e.Comment?.Body ?? e.Subject?.Body ?? "";
        var labels = new HashSet<string>(e.Subject?.Labels ?? [], StringComparer.OrdinalIgnoreCase);
        var added = string.Equals(e.Action, "labeled", StringComparison.OrdinalIgnoreCase) ? e.Label : null;
        if (added is not null)
        {
            labels.Add(added);
        }

        var branch = e.Subject?.HeadBranch ?? e.CheckRun?.HeadBranch;
        return new EventFacts(e, HiddenText.Strip(body), labels, added, branch);
    }
}
