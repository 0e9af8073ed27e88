using Kelos.Agents;
using Kelos.Runtime.Kubernetes;
using Kelos.Testing;

namespace Kelos.Images.Tests;

/// <summary>
/// The real Claude Code CLI in the image built from <c>deploy/images/claude-code/Dockerfile</c> (on a local node
/// base: see <see cref="TestImages.ClaudeCodeAsync"/>), run as the controller would submit it: <c>kelos render job</c>
/// with the stock image name, which the test gives to its local build, so the Job runs the entrypoint under the
/// image's tini. Claude talks to the <see cref="ScriptedModelServer"/> on the host through the Task's
/// <c>podOverrides.env</c> <c>ANTHROPIC_BASE_URL</c>; the scripted tool call commits and pushes to the Workspace's
/// remote.
/// </summary>
public sealed class ClaudeCodeImageTests
{
    [PodmanFact]
    public async Task KubePlay_ClaudeCodeImageAgainstScriptedModel_CommitReachesTheRemoteAndTheOutputsCarryTheAnswer()
    {
        Assert.True(Podman.UnavailableReason() is null, $"KELOS_REQUIRE_PODMAN=1, but {Podman.UnavailableReason()}");
        var gitImage = await TestImages.GitAsync();
        var built = await TestImages.ClaudeCodeAsync();
        using var remote = await BareRemote.CreateAsync();
        await using var daemon = await GitDaemon.StartAsync(remote);
        await using var model = await ScriptedModelServer.StartAsync();
        var task = PodTask.NewName("claude");
        var command = $"{ScenarioDefaults.CommitCommand} && git push -q origin HEAD";
        var prompt = "Add AGENT.md, commit it and push it. " + Scenario.Markers(ScenarioNames.Commit, command: command);
        var env = new Dictionary<string, string>
        {
            ["ANTHROPIC_BASE_URL"] = model.BaseUrl.ToString().TrimEnd('/'),
            ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1",
        };
        var directory = Directory.CreateTempSubdirectory("kelos-render-").FullName;
        try
        {
            var file = Path.Combine(directory, "task.yaml");
            await File.WriteAllTextAsync(file, PodTask.Yaml(task, daemon.Url, prompt, env));
            var rendered = await KelosRender.JobAsync(directory, "-f", file, "--git-image", gitImage);
            await using var pod = await KubePlayPod.CreateAsync(rendered, PodTask.Secrets(task));
            var agent = pod.Pod.Spec.Containers.Single();
            Assert.Equal([PodLayout.Tini, "-g", "--", PodLayout.Entrypoint], agent.Command);
            await Podman.CheckedAsync(["tag", built, agent.Image], directory);

            var (exitCode, log) = await pod.RunAsync(TimeSpan.FromMinutes(5));

            Assert.True(exitCode == 0, $"exit {exitCode}: {log}");
            Assert.Equal("---KELOS_OUTPUTS_END---", log.OutputLines[^1]);
            var block = OutputsBlock.ParseLast(log.OutputLines);
            Assert.True(block is not null, log.ToString());
            var pushed = await remote.BranchHeadAsync(PodTask.Branch);
            Assert.True(pushed is not null, $"nothing reached {PodTask.Branch} on the remote: {log}");
            Assert.Equal(ScenarioDefaults.CommitSubject, await remote.GitAsync(["log", "-1", "--format=%s", PodTask.Branch]));
            Assert.Equal(PodTask.Branch, block.Results["branch"]);
            Assert.Equal(pushed, block.Results["commit"]);
            Assert.Equal(OutputsBlock.EncodeResponse(ScenarioDefaults.CommitAnswer), block.Results["response"]);
            Assert.Contains(model.Requests, r => r.Path == "/v1/messages");
            SecurityAssert.Restricted(log.StandardError, pid1: "tini");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
