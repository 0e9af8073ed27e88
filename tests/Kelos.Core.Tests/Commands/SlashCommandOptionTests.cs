using Kelos.Core.Commands;

namespace Kelos.Core.Tests.Commands;

public class SlashCommandOptionTests
{
    [Fact]
    public void Parse_AgentAndModel_AreRead()
    {
        var command = Assert.Single(SlashCommandParser.Parse("/kelos run --agent codex --model gpt-5-codex add tests", null));

        Assert.Equal(new SlashCommand("run", "codex", "gpt-5-codex", "add tests", 1), command);
    }

    [Fact]
    public void Parse_EqualsForm_IsRead()
    {
        var command = Assert.Single(SlashCommandParser.Parse("/kelos run --agent=gemini --model=gemini-2.5-pro go", null));

        Assert.Equal("gemini", command.Agent);
        Assert.Equal("gemini-2.5-pro", command.Model);
        Assert.Equal("go", command.Text);
    }

    [Fact]
    public void Parse_AgentValue_IsCaseInsensitiveAndLowerCased()
    {
        Assert.Equal("claude-code", Assert.Single(SlashCommandParser.Parse("/kelos run --AGENT Claude-Code x", null)).Agent);
    }

    [Fact]
    public void Parse_OptionsOnly_TextIsEmpty()
    {
        var command = Assert.Single(SlashCommandParser.Parse("/kelos review --agent cursor", null));

        Assert.Equal("cursor", command.Agent);
        Assert.Equal("", command.Text);
        Assert.True(command.IsValid);
    }

    [Fact]
    public void Parse_OptionAfterText_IsPartOfTheText()
    {
        var command = Assert.Single(SlashCommandParser.Parse("/kelos run fix the --verbose flag --agent codex", null));

        Assert.Null(command.Agent);
        Assert.Equal("fix the --verbose flag --agent codex", command.Text);
        Assert.True(command.IsValid);
    }

    [Fact]
    public void Parse_DoubleDash_EndsOptions()
    {
        var command = Assert.Single(SlashCommandParser.Parse("/kelos run --agent codex -- --help is broken", null));

        Assert.Equal("codex", command.Agent);
        Assert.Equal("--help is broken", command.Text);
    }

    [Fact]
    public void Parse_UnknownAgent_IsAnErrorNamingTheAllowedOnes()
    {
        var command = Assert.Single(SlashCommandParser.Parse("/kelos run --agent gpt fix", null));

        Assert.False(command.IsValid);
        Assert.Equal("unknown agent \"gpt\" for --agent: use one of claude-code, codex, gemini, opencode, cursor", command.Error);
    }

    [Fact]
    public void Parse_UnknownOption_IsAnError()
    {
        var command = Assert.Single(SlashCommandParser.Parse("/kelos run --foo bar", null));

        Assert.Equal("run", command.Verb);
        Assert.Equal("unknown option --foo (options: --agent, --model)", command.Error);
    }

    [Theory]
    [InlineData("/kelos run --agent")]
    [InlineData("/kelos run --agent= x")]
    [InlineData("/kelos run --model --agent codex")]
    public void Parse_OptionWithoutValue_IsAnError(string body)
    {
        var command = Assert.Single(SlashCommandParser.Parse(body, null));

        Assert.NotNull(command.Error);
        Assert.Contains("needs a value", command.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RepeatedOption_IsAnError()
    {
        var command = Assert.Single(SlashCommandParser.Parse("/kelos run --model a --model b", null));

        Assert.Equal("option --model is given twice", command.Error);
    }

    [Fact]
    public void Parse_OptionInsteadOfVerb_IsAnError()
    {
        var command = Assert.Single(SlashCommandParser.Parse("/kelos --agent codex fix", null));

        Assert.Equal("", command.Verb);
        Assert.NotNull(command.Error);
        Assert.Contains("verb", command.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_VerbWithOddCharacters_IsAnError()
    {
        var command = Assert.Single(SlashCommandParser.Parse("/kelos r@n x", null));

        Assert.Equal("\"r@n\" is not a verb", command.Error);
    }

    [Fact]
    public void ToCommandLine_AllParts_IsCanonical()
    {
        var command = new SlashCommand("run", "codex", "o3", "fix it", 3);

        Assert.Equal("/kelos run --agent codex --model o3 fix it", command.ToCommandLine());
        Assert.Equal("/kelos help", new SlashCommand("help", null, null, "", 1).ToCommandLine());
    }
}
