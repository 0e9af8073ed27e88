using Kelos.GitHub.Replies;
using Kelos.Testing;

namespace Kelos.GitHub.Tests.Replies;

/// <summary>What Kelos says on GitHub, compared with golden files (Golden/NAME.md).</summary>
public sealed class CommentTemplatesTests : IDisposable
{
    private static readonly string Shipped = Path.Combine(RepositoryRoot.Find(), "templates", "comments");
    private readonly CommentTemplates _templates = new(Shipped, null);
    private readonly string _override = Directory.CreateTempSubdirectory("kelos-templates-").FullName;

    [Fact]
    public void Render_HelpForAnUnknownVerb_MatchesGolden() => AssertGolden("help-unknown", _templates.Render("help", new HelpView(
        "frobnicate",
        [new("run", "<text>", "implement it on a new branch and open a draft pull request"), new("cancel", null, "stop this issue's or pull request's unfinished Tasks")],
        "kelos")));

    [Fact]
    public void Render_Status_MatchesGolden() => AssertGolden("status", _templates.Render("status", new StatusView(
        "issue",
        [new("run-issue-comment-1", "claude-code", "Running", "The agent is running (claude-code)"), new("run-issue-comment-2", "codex", "Waiting", "#1 in the queue — Waiting for branch \"kelos/issue-7\" (locked by run-issue-comment-1)")])));

    [Fact]
    public void Render_NoTasks_SaysSo() =>
        Assert.Equal("No Kelos Tasks for this pull request yet.\n", _templates.Render("status", new StatusView("pull request", [])));

    [Fact]
    public void Render_Refused_MatchesGolden() => AssertGolden("refused", _templates.Render("refused", new RefusedView("/kelos run delete it", "@bob has read access on acme/widgets; this needs write access")));

    [Fact]
    public void Render_Cancelled_MatchesGolden() => AssertGolden("cancelled", _templates.Render("cancelled", new CancelledView("issue", ["a", "b"], "alice")));

    [Fact]
    public void Constructor_OverrideDirectory_ReplacesTemplateByName()
    {
        Directory.CreateDirectory(Path.Combine(_override, "comments"));
        File.WriteAllText(Path.Combine(_override, "comments", "refused.sbn"), "Nope: {{ reason }}");

        var rendered = new CommentTemplates(Shipped, _override).Render("refused", new RefusedView(null, "no"));

        Assert.Equal("Nope: no\n", rendered);
    }

    [Fact]
    public void Render_OverrideThatFailsToRender_ShippedOneAnswers()
    {
        File.WriteAllText(Path.Combine(_override, "refused.sbn"), "Nope: {{ reazon }}");

        var rendered = new CommentTemplates(Shipped, _override).Render("refused", new RefusedView(null, "no"));

        Assert.Equal("I can't do that: no.\n", rendered);
    }

    [Fact]
    public void Constructor_TemplateThatDoesNotParse_NamesFileAndLine()
    {
        File.WriteAllText(Path.Combine(_override, "help.sbn"), "fine\n{{ if }}\n");

        var error = Assert.Throws<InvalidOperationException>(() => new CommentTemplates(Shipped, _override));

        Assert.Contains("help.sbn", error.Message, StringComparison.Ordinal);
        Assert.Contains("(2,", error.Message, StringComparison.Ordinal);
    }

    private static void AssertGolden(string name, string rendered)
    {
        var golden = Path.Combine(RepositoryRoot.Find(), "tests", "Kelos.GitHub.Tests", "Replies", "Golden", name + ".md");
        Assert.Equal(File.ReadAllText(golden), rendered);
    }

    public void Dispose() => Directory.Delete(_override, recursive: true);
}
