using System.Text.Json.Nodes;
using Kelos.Agents;

namespace Kelos.Images.Tests;

/// <summary>
/// Each agent image's <c>/kelos_entrypoint.sh</c>, run outside a container with a stub CLI on PATH: what reaches
/// the container log (the agent's stream, then the outputs block) and the exit code the kubelet sees.
/// </summary>
public sealed class EntrypointTests
{
    public static TheoryData<string> AgentTypes() => new(AgentAdapters.All.Select(adapter => adapter.AgentType));

    [Theory]
    [MemberData(nameof(AgentTypes))]
    public async Task Entrypoint_AgentSucceeds_PrintsTheStreamThenTheOutputsBlockEmbeddedModeWrites(string agentType)
    {
        using var run = await EntrypointRun.CreateAsync(agentType);
        var before = await run.HeadAsync();

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        var head = await run.HeadAsync();
        Assert.NotEqual(before, head);
        var summary = Summary(agentType, "success", 0);
        var expected = new List<KeyValuePair<string, string>>
        {
            new("branch", EntrypointRun.Branch),
            new("commit", head),
            new("base-branch", EntrypointRun.BaseBranch),
        };
        expected.AddRange(OutputsBlock.SummaryPairs(summary));
        Assert.Equal(OutputsBlock.Write(expected), BlockText(result.StandardOutput));
        Assert.StartsWith(File.ReadAllText(EntrypointRun.StreamFile(agentType, "success")), result.StandardOutput, StringComparison.Ordinal);

        var block = OutputsBlock.ParseLast(result.OutputLines)!;
        Assert.False(string.IsNullOrEmpty(summary.FinalAnswer));
        Assert.Equal(summary.FinalAnswer, OutputsBlock.DecodeResponse(block.Results["response"]));
        Assert.Contains("input-tokens", block.Results.Keys);
        Assert.Contains("output-tokens", block.Results.Keys);
    }

    [Theory]
    [MemberData(nameof(AgentTypes))]
    public async Task Entrypoint_AgentExitsNonZero_ExitsWithTheAgentsCodeAfterTheBlock(string agentType)
    {
        using var run = await EntrypointRun.CreateAsync(agentType);
        run.Environment["KELOS_STUB_EXIT"] = "7";

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 7, result.ToString());
        var block = OutputsBlock.ParseLast(result.OutputLines);
        Assert.NotNull(block);
        Assert.Equal(await run.HeadAsync(), block.Results["commit"]);
        Assert.Equal(OutputsBlock.EndMarker, result.OutputLines[^1]);
    }

    [Theory]
    [MemberData(nameof(AgentTypes))]
    public async Task Entrypoint_SetupCommandFails_ExitsWithItsCodeBeforeTheAgentStarts(string agentType)
    {
        using var run = await EntrypointRun.CreateAsync(agentType);
        run.Environment["KELOS_SETUP_COMMAND"] = """["sh", "-c", "echo installing deps; echo 'make: gcc: not found' >&2; exit 5"]""";

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.False(run.Stub.Ran, "the agent CLI ran after the setup command failed");
        var errors = result.StandardError.Split('\n');
        var start = Array.IndexOf(errors, "---KELOS_SETUP_COMMAND_START---");
        var failed = Array.IndexOf(errors, "---KELOS_SETUP_COMMAND_FAILED--- exit=5");
        Assert.True(start >= 0 && failed > start, result.ToString());
        Assert.Contains("make: gcc: not found", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("kelos: the setup command sh failed with exit code 5; the agent did not start", errors);
        Assert.DoesNotContain(OutputsBlock.StartMarker, result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entrypoint_SetupCommandSucceeds_RunsInTheCloneBeforeTheAgent()
    {
        using var run = await EntrypointRun.CreateAsync("claude-code");
        run.Environment["KELOS_SETUP_COMMAND"] = """["sh", "-c", "test ! -e hello.sh && echo ready > setup-ran"]""";

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("ready\n", File.ReadAllText(Path.Combine(run.Repository.Path, "setup-ran")));
        Assert.True(run.Stub.Ran);
        var errors = result.StandardError.Split('\n');
        Assert.True(Array.IndexOf(errors, "---KELOS_SETUP_COMMAND_START---") < Array.IndexOf(errors, "---KELOS_SETUP_COMMAND_DONE---"), result.ToString());
        Assert.NotNull(OutputsBlock.ParseLast(result.OutputLines));
    }

    [Theory]
    [InlineData("make deps")]
    [InlineData("[]")]
    [InlineData("""["make", 1]""")]
    public async Task Entrypoint_SetupCommandNotAJsonArrayOfStrings_RefusesToStart(string setup)
    {
        using var run = await EntrypointRun.CreateAsync("codex");
        run.Environment["KELOS_SETUP_COMMAND"] = setup;

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("kelos: KELOS_SETUP_COMMAND must be a JSON array of strings", result.StandardError, StringComparison.Ordinal);
        Assert.False(run.Stub.Ran);
    }

    [Theory]
    [MemberData(nameof(AgentTypes))]
    public async Task Entrypoint_RunsTheCliWithTheAdaptersCommandLineEnvironmentAndFiles(string agentType)
    {
        using var run = await EntrypointRun.CreateAsync(agentType);
        var model = agentType == "opencode" ? "anthropic/claude-sonnet-4-5" : "test-model";
        var pluginRoot = Directory.CreateDirectory(Path.Combine(run.Home, "plugins")).FullName;
        Directory.CreateDirectory(Path.Combine(pluginRoot, "review"));
        Directory.CreateDirectory(Path.Combine(pluginRoot, "lint"));
        const string agentsMd = "# Team rules\n\nRun the tests before committing.\n";
        const string mcp = """
            {"mcpServers": {
              "files": {"command": "mcp-files", "args": ["--root", "/workspace"], "env": {"LOG": "debug"}},
              "search": {"type": "http", "url": "https://mcp.example.com/mcp", "headers": {"Authorization": "Bearer x"}},
              "events": {"type": "sse", "url": "https://mcp.example.com/sse"}
            }}
            """;
        run.Environment["KELOS_MODEL"] = model;
        run.Environment["KELOS_EFFORT"] = "high";
        run.Environment["KELOS_PLUGIN_DIR"] = pluginRoot;
        run.Environment["KELOS_AGENTS_MD"] = agentsMd;
        run.Environment["KELOS_MCP_SERVERS"] = mcp;
        var visible = run.Environment.Where(pair => pair.Value is not null).ToDictionary(pair => pair.Key, pair => pair.Value!, StringComparer.Ordinal);
        var launch = AgentAdapters.For(agentType).Prepare(new AgentRunContext(
            agentType, EntrypointRun.Prompt, model, "high", run.Repository.Path, run.Home, visible, agentsMd, mcp,
            Directory.GetDirectories(pluginRoot).Order(StringComparer.Ordinal).ToList()));

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(launch.Arguments, run.Stub.Arguments());
        var environment = run.Stub.Environment();
        foreach (var (name, value) in launch.Environment)
        {
            Assert.True(environment.TryGetValue(name, out var actual) && actual == value, $"{name}: expected \"{value}\", the CLI got \"{environment.GetValueOrDefault(name)}\"");
        }

        Assert.NotEmpty(launch.Files);
        foreach (var file in launch.Files)
        {
            Assert.True(File.Exists(file.Path), $"{file.Path} was not written");
            var written = File.ReadAllText(file.Path);
            if (file.Path.EndsWith(".json", StringComparison.Ordinal))
            {
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(file.Content), JsonNode.Parse(written)), $"{file.Path}:\nexpected {file.Content}\nwritten {written}");
            }
            else
            {
                Assert.Equal(file.Content, written);
            }
        }
    }

    [Fact]
    public async Task Entrypoint_GhFindsPullRequestsForTheBranch_PrintsOnePrLineEach()
    {
        using var run = await EntrypointRun.CreateAsync("gemini");
        run.Stub.AddTool("gh", """
            #!/bin/sh
            printf '%s\n' "$*" >"$KELOS_STUB_DIR/gh-args"
            echo https://github.com/acme/widgets/pull/12
            echo https://github.com/acme/widgets/pull/9
            """);
        run.Environment["GH_TOKEN"] = "ghs_test";

        var result = await run.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        var outputs = OutputsBlock.ParseLast(result.OutputLines)!.Outputs;
        Assert.Equal(
            ["base-branch: main", "pr: https://github.com/acme/widgets/pull/12", "pr: https://github.com/acme/widgets/pull/9", "input-tokens: 18211"],
            outputs.Skip(2).Take(4));
        Assert.Equal(
            "pr list --head kelos/hello --state all --json url --jq .[].url\n",
            File.ReadAllText(Path.Combine(run.Stub.Directory, "gh-args")));
    }

    [Fact]
    public async Task Entrypoint_NoPrompt_RefusesWithUsage()
    {
        using var run = await EntrypointRun.CreateAsync("cursor");

        var result = await Kelos.Testing.CommandRunner.RunAsync(run.Layout.Entrypoint, [], run.Repository.Path, run.Environment);

        Assert.Equal(64, result.ExitCode);
        Assert.Contains("usage: /kelos_entrypoint.sh PROMPT", result.StandardError, StringComparison.Ordinal);
        Assert.False(run.Stub.Ran);
    }

    internal static AgentRunSummary Summary(string agentType, string sample, int exitCode)
    {
        var parser = AgentAdapters.For(agentType).CreateParser();
        foreach (var line in File.ReadLines(EntrypointRun.StreamFile(agentType, sample)))
        {
            parser.Feed(line);
        }

        return parser.Complete(exitCode);
    }

    /// <summary>The outputs block at the very end of stdout, markers included.</summary>
    internal static string BlockText(string stdout)
    {
        var start = stdout.LastIndexOf(OutputsBlock.StartMarker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no outputs block in:\n{stdout}");
        return stdout[start..];
    }
}
