namespace Kelos.Core.Tests.Loading;

public class AgentConfigRuleTests
{
    /// <summary>A valid AgentConfig header; tests append lines under <c>spec:</c> from line 6.</summary>
    private const string Config = """
        apiVersion: kelos.dev/v1alpha1
        kind: AgentConfig
        metadata:
          name: c
        spec:

        """;

    [Fact]
    public void LoadText_DuplicateMcpServerNames_AreReported()
    {
        LoadAssert.SingleError(
            Config + "  mcpServers:\n    - {name: fs, type: stdio, command: a}\n    - {name: fs, type: stdio, command: b}\n",
            8,
            14,
            "spec.mcpServers[1].name",
            "duplicate MCP server name \"fs\"");
    }

    [Fact]
    public void LoadText_StdioServerWithoutCommand_IsReported()
    {
        LoadAssert.SingleError(
            Config + "  mcpServers:\n    - name: fs\n      type: stdio\n",
            7,
            7,
            "spec.mcpServers[0].command",
            "missing required field \"command\" (a stdio server is started as a command)");
    }

    [Theory]
    [InlineData("http")]
    [InlineData("sse")]
    public void LoadText_RemoteServerWithoutUrl_IsReported(string type)
    {
        LoadAssert.SingleError(
            Config + $"  mcpServers:\n    - name: remote\n      type: {type}\n",
            7,
            7,
            "spec.mcpServers[0].url",
            "missing required field \"url\"");
    }

    [Fact]
    public void LoadText_RemoteServerWithNonHttpUrl_IsReported()
    {
        LoadAssert.SingleError(
            Config + "  mcpServers:\n    - {name: r, type: sse, url: \"ftp://x\"}\n",
            7,
            33,
            "spec.mcpServers[0].url",
            "url \"ftp://x\" is not an http:// or https:// URL");
    }

    [Fact]
    public void LoadText_UnknownServerType_ListsTypes()
    {
        LoadAssert.SingleError(
            Config + "  mcpServers:\n    - {name: r, type: grpc}\n",
            7,
            23,
            "spec.mcpServers[0].type",
            "unsupported value \"grpc\": must be one of stdio, http, sse");
    }

    [Fact]
    public void LoadText_UnsafePluginSkillAndAgentNames_EachIsReported()
    {
        var result = LoadAssert.Load(Config + """
              plugins:
                - name: ../evil
                  skills:
                    - {name: a/b, content: x}
                  agents:
                    - {name: .hidden, content: x}
            """);

        Assert.Equal(3, result.Errors.Count);
        LoadAssert.At(result.Errors[0], 7, 13, "spec.plugins[0].name", "invalid plugin name \"../evil\": it becomes a directory or file name");
        LoadAssert.At(result.Errors[1], 9, 18, "spec.plugins[0].skills[0].name", "invalid skill name \"a/b\"");
        LoadAssert.At(result.Errors[2], 11, 18, "spec.plugins[0].agents[0].name", "invalid agent name \".hidden\"");
    }

    [Fact]
    public void LoadText_DuplicatePluginNames_AreReported()
    {
        LoadAssert.SingleError(
            Config + "  plugins:\n    - name: kit\n    - name: kit\n",
            8,
            13,
            "spec.plugins[1].name",
            "duplicate plugin name \"kit\"");
    }
}
