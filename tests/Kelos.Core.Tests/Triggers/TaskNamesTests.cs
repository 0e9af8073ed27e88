using System.Text.RegularExpressions;
using Kelos.Core.Triggers;

namespace Kelos.Core.Tests.Triggers;

public partial class TaskNamesTests
{
    [Theory]
    [InlineData("Fix-Login", "fix-login")]
    [InlineData("issue_comment", "issue-comment")]
    [InlineData("  --a..b__c--  ", "a-b-c")]
    [InlineData("kelos/issue-42", "kelos-issue-42")]
    [InlineData("Ünïcode 日本", "n-code")]
    [InlineData("!!!", "")]
    public void Sanitize_Text_IsAValidLabel(string text, string expected)
    {
        Assert.Equal(expected, TaskNames.Sanitize(text));
    }

    [Fact]
    public void Sanitize_LongText_IsCutTo63WithAHashOfTheWhole()
    {
        var a = TaskNames.Sanitize(new string('a', 70) + "-one");
        var b = TaskNames.Sanitize(new string('a', 70) + "-two");

        Assert.Equal(63, a.Length);
        Assert.NotEqual(a, b);
        Assert.Matches(Dns1123Label(), a);
    }

    [Fact]
    public void Default_SameWorkItem_SameName()
    {
        var first = TaskNames.Default("fix-command", "issue_comment", "delivery-1");

        Assert.Equal(first, TaskNames.Default("fix-command", "issue_comment", "delivery-1"));
        Assert.NotEqual(first, TaskNames.Default("fix-command", "issue_comment", "delivery-2"));
        Assert.Equal("fix-command-issue-comment-" + TaskNames.Hash("delivery-1"), first);
    }

    [Fact]
    public void Hash_Text_IsFirstTenHexOfSha256()
    {
        // printf 'abc' | sha256sum → ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        Assert.Equal("ba7816bf8f", TaskNames.Hash("abc"));
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    internal static partial Regex Dns1123Label();
}
