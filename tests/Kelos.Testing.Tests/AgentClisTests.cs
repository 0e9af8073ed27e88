namespace Kelos.Testing.Tests;

public sealed class AgentClisTests
{
    [Fact]
    public void Require_MissingCli_ThrowsNamingTheInstallScript()
    {
        var error = Assert.Throws<FileNotFoundException>(() => AgentClis.Require("no-such-agent"));

        Assert.Contains("scripts/install-agents.sh", error.Message, StringComparison.Ordinal);
        Assert.Contains(AgentClis.BinDirectory, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("claude")]
    [InlineData("codex")]
    [InlineData("gemini")]
    [InlineData("opencode")]
    public void Require_InstalledCli_ReturnsExistingPath(string name)
    {
        Assert.True(File.Exists(AgentClis.Require(name)));
    }
}
