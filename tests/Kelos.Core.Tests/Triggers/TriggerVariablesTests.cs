using Kelos.Core.Commands;
using Kelos.Core.Templating;
using Kelos.Core.Triggers;

namespace Kelos.Core.Tests.Triggers;

public class TriggerVariablesTests
{
    private static string Render(string template, IReadOnlyDictionary<string, object?> variables) =>
        PromptTemplate.Parse(template).Render(variables);

    [Fact]
    public void For_GoAndScribanNames_RenderTheSame()
    {
        var variables = TriggerVariables.For(SampleEvents.IssueComment("/kelos run"), null);

        var go = Render("{{.Title}} #{{.Number}}", variables);
        var scriban = Render("{{ issue.title }} #{{ issue.number }}", variables);

        Assert.Equal("Fix login #42", go);
        Assert.Equal(go, scriban);
    }

    [Theory]
    [InlineData("{{.Event}}/{{.Action}}/{{.Sender}}", "issue_comment/created/carol")]
    [InlineData("{{.Repository}} {{.RepositoryOwner}} {{.RepositoryName}}", "acme/web acme web")]
    [InlineData("{{.URL}}", "https://github.com/acme/web/issues/42")]
    [InlineData("{{.CommentBody}} by {{.CommentAuthor}}", "please fix by carol")]
    [InlineData("{{.CommentURL}}", "https://github.com/acme/web/issues/42#issuecomment-9001")]
    [InlineData("{{.ID}} {{.Kind}}", "42 webhook")]
    [InlineData("{{.DeliveryID}}", "delivery-1")]
    [InlineData("{{range .Labels}}[{{.}}]{{end}}", "[bug][ui]")]
    [InlineData("{{if .Payload}}raw{{else}}none{{end}}", "none")]
    public void For_IssueComment_UpstreamVariablesRender(string template, string expected)
    {
        Assert.Equal(expected, Render(template, TriggerVariables.For(SampleEvents.IssueComment("please fix"), null)));
    }

    [Fact]
    public void For_IssueComment_StructuredVariablesRender()
    {
        var variables = TriggerVariables.For(SampleEvents.IssueComment("please fix"), null);

        var text = Render(
            "{{ comment.author }} ({{ comment.author_association }}) on {{ repo.full_name }}#{{ issue.number }}: {{ comment.body }}"
            + " [{{ issue.labels | array.join \",\" }}] {{ issue.state }} {{ issue.author }}",
            variables);

        Assert.Equal("carol (MEMBER) on acme/web#42: please fix [bug,ui] open ann", text);
    }

    [Fact]
    public void For_EventWithoutComment_StructuredVariablesAreNullButDefined()
    {
        var variables = TriggerVariables.For(SampleEvents.Issues("opened"), null);

        var text = Render("{{ if comment }}c{{ end }}{{ if pull_request }}p{{ end }}{{ if command }}x{{ end }}[{{ comment_body }}]", variables);

        Assert.Equal("[]", text);
        Assert.Null(variables["comment"]);
        Assert.Null(variables["check_run"]);
    }

    [Fact]
    public void For_PullRequest_ExposesHeadAndBase()
    {
        var variables = TriggerVariables.For(SampleEvents.PullRequestEvent("opened"), null);

        var text = Render(
            "{{ pull_request.number }} {{ pull_request.head_branch }}->{{ pull_request.base_branch }} {{ pull_request.head_sha }}"
            + " draft={{ pull_request.draft }} fork={{ pull_request.fork }} {{ issue.is_pull_request }} {{ branch }}",
            variables);

        Assert.Equal("7 feature/cache->main 0123456789abcdef0123456789abcdef01234567 draft=false fork=false true feature/cache", text);
        Assert.Equal("feature/cache 0123456789abcdef0123456789abcdef01234567", Render("{{.Branch}} {{.HeadSHA}}", variables));
    }

    [Fact]
    public void For_PullRequestFromFork_IsMarkedFork()
    {
        var pr = SampleEvents.PullRequest() with { HeadRepository = "mallory/web" };

        var variables = TriggerVariables.For(SampleEvents.PullRequestEvent("opened", pr), null);

        Assert.Equal("true", Render("{{ pull_request.fork }}", variables));
    }

    [Fact]
    public void For_CheckRun_ExposesCheckVariablesInBothStyles()
    {
        var variables = TriggerVariables.For(SampleEvents.CheckRun("test", "failure"), null);

        var go = Render("{{.CheckName}} {{.Conclusion}} {{.HeadSHA}} {{.Branch}} {{.Number}}", variables);
        var scriban = Render("{{ check_run.name }} {{ check_run.conclusion }} {{ check_run.head_sha }} {{ check_run.head_branch }} 0", variables);

        Assert.Equal("test failure fedcba9876543210fedcba9876543210fedcba98 feature/cache 0", go);
        Assert.Equal(go, scriban);
        Assert.Null(variables["issue"]);
    }

    [Fact]
    public void For_Command_ExposesVerbTextAgentAndModel()
    {
        var command = new SlashCommand("run", "codex", "o3", "add tests", 2);

        var variables = TriggerVariables.For(SampleEvents.IssueComment("hi\n/kelos run --agent codex --model o3 add tests"), command);

        Assert.Equal("run|add tests|codex|o3|2", Render("{{ command.verb }}|{{ command.text }}|{{ command.agent }}|{{ command.model }}|{{ command.line }}", variables));
    }

    [Fact]
    public void For_Labeled_ExposesTheLabel()
    {
        var variables = TriggerVariables.For(SampleEvents.Issues("labeled", "kelos/run"), null);

        Assert.Equal("kelos/run", Render("{{ label }}", variables));
        Assert.Equal("kelos/run", Render("{{.Label}}", variables));
    }

    [Fact]
    public void For_HiddenText_IsStrippedFromEveryTextField()
    {
        var subject = SampleEvents.Issue() with { Title = "Fix\u200B login\u202E", Labels = ["b\u200Dug"] };
        var e = SampleEvents.IssueComment("do <!-- evil --> it\u2066", subject);
        var command = new SlashCommand("run", null, "m\u200Bx", "go\u200B now", 1);

        var variables = TriggerVariables.For(e, command);

        Assert.Equal(
            "Fix login|The login page fails.|bug|do  it|do  it|go now|mx",
            Render("{{ title }}|{{ issue.body }}|{{ labels[0] }}|{{ comment.body }}|{{ comment_body }}|{{ command.text }}|{{ command.model }}", variables));
    }

    [Fact]
    public void For_UnknownVariable_StillAnError()
    {
        var variables = TriggerVariables.For(SampleEvents.IssueComment("x"), null);

        Assert.Throws<PromptTemplateException>(() => Render("{{ isue.title }}", variables));
    }
}
