using Kelos.Core.Commands;

namespace Kelos.Core.Tests.Commands;

public class SlashCommandParserTests
{
    [Fact]
    public void Parse_CommandAtLineStart_IsFound()
    {
        var command = Assert.Single(SlashCommandParser.Parse("/kelos run fix the login page", null));

        Assert.Equal(new SlashCommand("run", null, null, "fix the login page", 1), command);
        Assert.True(command.IsValid);
        Assert.False(command.IsMention);
    }

    [Fact]
    public void Parse_LeadingSpacesAndTabs_AreAllowed()
    {
        var command = Assert.Single(SlashCommandParser.Parse("Thanks!\n   \t/kelos plan", null));

        Assert.Equal("plan", command.Verb);
        Assert.Equal(2, command.Line);
    }

    [Fact]
    public void Parse_CommandNotAtLineStart_IsIgnored()
    {
        Assert.Empty(SlashCommandParser.Parse("please /kelos run this", null));
    }

    [Theory]
    [InlineData("/KELOS RUN now", "run")]
    [InlineData("/Kelos Review", "review")]
    [InlineData("/kelos Fix-Tests", "fix-tests")]
    public void Parse_PrefixAndVerbCase_AreIgnoredAndVerbLowerCased(string body, string verb)
    {
        Assert.Equal(verb, Assert.Single(SlashCommandParser.Parse(body, null)).Verb);
    }

    [Theory]
    [InlineData("/kelosrun")]
    [InlineData("/kelos-run")]
    [InlineData("/kelos/run")]
    [InlineData("kelos run")]
    public void Parse_PrefixNotFollowedBySpace_IsNotACommand(string body)
    {
        Assert.Empty(SlashCommandParser.Parse(body, null));
    }

    [Fact]
    public void Parse_BareKelos_IsHelp()
    {
        var command = Assert.Single(SlashCommandParser.Parse("/kelos   ", null));

        Assert.Equal(new SlashCommand("help", null, null, "", 1), command);
    }

    [Fact]
    public void Parse_TrailingPunctuationOnVerb_IsDropped()
    {
        Assert.Equal("help", Assert.Single(SlashCommandParser.Parse("/kelos help?", null)).Verb);
    }

    [Fact]
    public void Parse_SeveralCommands_AreAllFoundInOrder()
    {
        var commands = SlashCommandParser.Parse("/kelos plan\nsome words\n/kelos run --agent codex go\n/kelos status", null);

        Assert.Equal(["plan", "run", "status"], commands.Select(c => c.Verb));
        Assert.Equal([1, 3, 4], commands.Select(c => c.Line));
    }

    [Fact]
    public void Parse_CrlfAndTrailingSpaces_AreTolerated()
    {
        var commands = SlashCommandParser.Parse("/kelos run fix it   \r\n/kelos review \t\r\n", null);

        Assert.Equal(2, commands.Count);
        Assert.Equal("fix it", commands[0].Text);
        Assert.Equal(new SlashCommand("review", null, null, "", 2), commands[1]);
    }

    [Theory]
    [InlineData("```\n/kelos run\n```")]
    [InlineData("```bash\n/kelos run\n```")]
    [InlineData("~~~\n/kelos run\n~~~")]
    [InlineData("~~~ yaml title=x\n/kelos run\n~~~")]
    [InlineData("   ```\n/kelos run\n   ```")]
    [InlineData("- step:\n      ```\n      /kelos run\n      ```")]
    [InlineData("````\n```\n/kelos run\n```\n````")]
    [InlineData("```\n/kelos run")]
    public void Parse_InsideFencedCodeBlock_IsIgnored(string body)
    {
        Assert.Empty(SlashCommandParser.Parse(body, null));
    }

    [Fact]
    public void Parse_AfterClosedFence_IsFound()
    {
        var command = Assert.Single(SlashCommandParser.Parse("```\n/kelos plan\n```\n/kelos run", null));

        Assert.Equal("run", command.Verb);
        Assert.Equal(4, command.Line);
    }

    [Fact]
    public void Parse_TildeFenceNotClosedByBackticks_StaysOpen()
    {
        Assert.Empty(SlashCommandParser.Parse("~~~\n```\n/kelos run", null));
    }

    [Fact]
    public void Parse_BacktickRunWithBacktickInInfo_IsNotAFence()
    {
        var command = Assert.Single(SlashCommandParser.Parse("``` a ` b\n/kelos run", null));

        Assert.Equal("run", command.Verb);
    }

    [Theory]
    [InlineData("`/kelos run`")]
    [InlineData("Try `\n/kelos run` to start")]
    [InlineData("Try ``code ` here\n/kelos run`` to start")]
    public void Parse_InsideInlineCode_IsIgnored(string body)
    {
        Assert.Empty(SlashCommandParser.Parse(body, null));
    }

    [Fact]
    public void Parse_AfterUnclosedBacktick_IsFound()
    {
        Assert.Single(SlashCommandParser.Parse("a stray ` here\n/kelos run", null));
    }

    [Fact]
    public void Parse_InlineCodeSpanEndsAtBlankLine_NextParagraphCommandFound()
    {
        Assert.Single(SlashCommandParser.Parse("open `\n\n/kelos run `", null));
    }

    [Theory]
    [InlineData("> /kelos run")]
    [InlineData("  > /kelos run")]
    [InlineData(">/kelos run")]
    [InlineData("> > /kelos run")]
    public void Parse_QuotedLine_IsIgnored(string body)
    {
        Assert.Empty(SlashCommandParser.Parse(body, null));
    }

    [Fact]
    public void Parse_ReplyBelowQuote_IsFound()
    {
        var command = Assert.Single(SlashCommandParser.Parse("> /kelos run\n\n/kelos plan", null));

        Assert.Equal("plan", command.Verb);
    }

    [Fact]
    public void Parse_InsideHtmlComment_IsIgnoredAndLinesStillCount()
    {
        var command = Assert.Single(SlashCommandParser.Parse("<!--\n/kelos run\n-->\n/kelos plan", null));

        Assert.Equal("plan", command.Verb);
        Assert.Equal(4, command.Line);
    }

    [Fact]
    public void Parse_ZeroWidthCharacterInPrefix_IsReadAsShown()
    {
        Assert.Equal("run", Assert.Single(SlashCommandParser.Parse("/ke\u200Blos run", null)).Verb);
    }
}
