using Kelos.GitHub.Replies;
using Kelos.GitHub.Reporting;
using Kelos.Testing;

namespace Kelos.GitHub.Tests.Replies;

/// <summary>
/// What Kelos says on GitHub, compared with golden files (<c>Golden/NAME.md</c>): every template with its realistic
/// sample, plus the variants that take other branches. <c>KELOS_UPDATE_GOLDEN=1</c> rewrites the files (then read the diff).
/// </summary>
public sealed class CommentTemplatesTests : IDisposable
{
    private static readonly string Shipped = Path.Combine(RepositoryRoot.Find(), "templates", "comments");
    private readonly CommentTemplates _templates = new(Shipped, null);
    private readonly string _override = Directory.CreateTempSubdirectory("kelos-templates-").FullName;

    public static TheoryData<string> Names => [.. CommentTemplateNames.All];

    [Theory]
    [MemberData(nameof(Names))]
    public void Render_Sample_MatchesGolden(string name) => AssertGolden(name, _templates.Render(name, TemplateSamples.For(name)));

    [Fact]
    public void ShippedDirectory_HoldsExactlyTheKnownTemplates() =>
        Assert.Equal(
            CommentTemplateNames.All.Order(StringComparer.Ordinal),
            Directory.EnumerateFiles(Shipped, "*.sbn").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal));

    [Fact]
    public void Render_SucceededWithoutPullRequest_LinksTheBranchAndOpeningOne() => AssertGolden("succeeded-no-pr", Tracking(TemplateSamples.Task("Succeeded") with { PullRequest = null }));

    [Fact]
    public void Render_SucceededWithoutGitHub_NamesBranchAndCommitWithoutLinks() => AssertGolden("succeeded-local", Tracking(TemplateSamples.Task("Succeeded") with
    {
        PullRequest = null,
        Branch = new BranchView("kelos/quickstart", null, "main", null, null, "683a76223b28f23d235155d466a9a0258e65428a", "683a762", null),
        LogUrl = null,
    }));

    [Fact]
    public void Render_SucceededWithALongAnswer_Collapsed() => AssertGolden("succeeded-long-answer", Tracking(TemplateSamples.Task("Succeeded") with
    {
        Answer = string.Join('\n', Enumerable.Range(1, 25).Select(i => $"{i}. changed `file{i}.cs`")),
        AnswerIsLong = true,
        Usage = new UsageView("1,000", "200", null),
    }));

    [Fact]
    public void Render_SucceededNothingCommittedAnswerPostedSeparately() => AssertGolden("succeeded-plan", Tracking(TemplateSamples.Task("Succeeded") with
    {
        PullRequest = null,
        Branch = null,
        AnswerPostedSeparately = true,
        Usage = null,
        LogUrl = null,
    }));

    [Fact]
    public void Render_FailedLogWithBackticks_FenceIsLonger() => AssertGolden("failed-backticks", Tracking(TemplateSamples.Task("Failed") with
    {
        LogTail = ["```", "not a fence"],
        LogFence = "````",
        LogUrl = null,
        Usage = null,
        Duration = null,
    }));

    [Fact]
    public void Render_QueuedForCapacity_SaysWhyAndWhere() => AssertGolden("queued-capacity", Tracking(TemplateSamples.Task("Waiting") with
    {
        Message = "Waiting for a free slot (4 of 4 Tasks running)",
        WaitKind = "capacity",
        QueuePosition = 5,
    }));

    [Fact]
    public void Render_PlanInParts_OnlyTheLastSaysHowToGoOn()
    {
        var first = _templates.Render(CommentTemplateNames.Plan, new AnswerView(TemplateSamples.Task("Succeeded"), "part one", 1, 2));
        var last = _templates.Render(CommentTemplateNames.Plan, new AnswerView(TemplateSamples.Task("Succeeded"), "part two", 2, 2));

        Assert.Equal("📋 **Plan** (part 1 of 2)\n\npart one\n", first);
        Assert.StartsWith("📋 **Plan** (part 2 of 2)\n\npart two\n\n---\n", last, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoTasks_SaysSo() =>
        Assert.Equal("No Kelos Tasks for this pull request yet.\n", _templates.Render(CommentTemplateNames.Status, new StatusView("pull request", [])));

    [Fact]
    public void Constructor_OverrideDirectory_ReplacesTemplateByName()
    {
        Directory.CreateDirectory(Path.Combine(_override, "comments"));
        File.WriteAllText(Path.Combine(_override, "comments", "refused.sbn"), "Nope: {{ reason }}");

        var rendered = new CommentTemplates(Shipped, _override).Render(CommentTemplateNames.Refused, new RefusedView(null, "no"));

        Assert.Equal("Nope: no\n", rendered);
    }

    [Fact]
    public void Render_OverriddenHelp_IsWhatUnknownCommandIncludes()
    {
        File.WriteAllText(Path.Combine(_override, "help.sbn"), "Ask @ops.");

        var rendered = new CommentTemplates(Shipped, _override).Render(CommentTemplateNames.UnknownCommand, TemplateSamples.For(CommentTemplateNames.UnknownCommand));

        Assert.Equal("I don't know the command `/kelos frobnicate`. Ask @ops.\n", rendered);
    }

    [Fact]
    public void Render_OverrideThatFailsOnlyForSomeModels_ShippedOneAnswers()
    {
        File.WriteAllText(Path.Combine(_override, "refused.sbn"), "{{ if command == null }}{{ reazon }}{{ else }}Nope: {{ reason }}{{ end }}");

        var rendered = new CommentTemplates(Shipped, _override).Render(CommentTemplateNames.Refused, new RefusedView(null, "no"));

        Assert.Equal("I can't do that: no.\n", rendered);
    }

    [Fact]
    public void Constructor_OverrideWithAMisspeltVariable_StopsNamingFileAndLine()
    {
        var file = Path.Combine(_override, "failed.sbn");
        File.WriteAllText(file, "Failed\n\n{{ task.mesage }}\n");

        var error = Assert.Throws<TemplateLoadException>(() => new CommentTemplates(Shipped, _override));

        Assert.StartsWith($"{file}:3:", error.Message, StringComparison.Ordinal);
        Assert.Contains("mesage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_TemplateThatDoesNotParse_NamesFileAndLine()
    {
        var file = Path.Combine(_override, "help.sbn");
        File.WriteAllText(file, "fine\n{{ if }}\n");

        var error = Assert.Throws<TemplateLoadException>(() => new CommentTemplates(Shipped, _override));

        Assert.StartsWith($"{file}:2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_OverrideWithAnUnknownName_StopsNamingIt()
    {
        var file = Path.Combine(_override, "sucess.sbn");
        File.WriteAllText(file, "yay");

        var error = Assert.Throws<TemplateLoadException>(() => new CommentTemplates(Shipped, _override));

        Assert.StartsWith($"{file}: Kelos has no comment template named \"sucess\"", error.Message, StringComparison.Ordinal);
    }

    private string Tracking(TaskView view) => _templates.Render(TrackingCommentRenderer.TemplateFor(view.Phase), new TrackingView(view));

    private static void AssertGolden(string name, string rendered)
    {
        var golden = Path.Combine(RepositoryRoot.Find(), "tests", "Kelos.GitHub.Tests", "Replies", "Golden", name + ".md");
        if (Environment.GetEnvironmentVariable("KELOS_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, rendered);
        }

        Assert.True(File.Exists(golden), $"no golden file {golden}: run the tests with KELOS_UPDATE_GOLDEN=1 and read what it wrote");
        Assert.Equal(File.ReadAllText(golden), rendered);
    }

    public void Dispose() => Directory.Delete(_override, recursive: true);
}
