using Kelos.Core.Commands;
using Kelos.Core.Resources;
using Kelos.GitHub.Replies;

namespace Kelos.GitHub.Triggers;

/// <summary>The help and refusal answers: Kelos's own verbs, plus one line per configured custom command.</summary>
public sealed class HelpReplies(CommentTemplates templates)
{
    private static readonly VerbHelp[] OwnVerbs =
    [
        new(CommandVerbs.Retry, null, "run the last Task of this issue or pull request again"),
        new(CommandVerbs.Cancel, null, "stop this issue's or pull request's unfinished Tasks"),
        new(CommandVerbs.Status, null, "list this issue's or pull request's Tasks with their phase"),
        new(CommandVerbs.Help, null, "show this help"),
    ];

    private static readonly Dictionary<string, string> KnownDescriptions = new(StringComparer.Ordinal)
    {
        [CommandVerbs.Run] = "implement it on a new branch and open a draft pull request",
        [CommandVerbs.Plan] = "post an implementation plan; change nothing",
        [CommandVerbs.Review] = "on a pull request: review it and post the findings",
    };

    public string Help(ShowHelp show, IReadOnlyList<TaskSpawner> spawners, string? appSlug)
    {
        var custom = spawners
            .Where(s => s.Spec.When.GitHubWebhook is not null && s.Spec.Suspend != true)
            .SelectMany(s => (s.Spec.When.GitHubWebhook!.Filters ?? []).Select(f => VerbOf(f.BodyPattern)))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(v => new VerbHelp(v, "<text>", KnownDescriptions.GetValueOrDefault(v, "a command configured on this Kelos")));
        return templates.Render(
            show.UnknownVerb is null ? CommentTemplateNames.Help : CommentTemplateNames.UnknownCommand,
            new HelpView(show.UnknownVerb, [.. custom, .. OwnVerbs], appSlug));
    }

    public string Refused(Refused refused) =>
        templates.Render(CommentTemplateNames.Refused, new RefusedView(refused.Command?.ToCommandLine(), refused.Reason.TrimEnd('.')));

    /// <summary>The verb a spawner's <c>bodyPattern</c> answers to, when it is the usual <c>^/kelos VERB</c> shape.</summary>
    private static string? VerbOf(string? pattern)
    {
        var match = System.Text.RegularExpressions.Regex.Match(pattern ?? "", @"/kelos(?:\\s[+*]|\s)+([a-z][a-z0-9-]*)", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        return match.Success ? match.Groups[1].Value : null;
    }
}
