using Kelos.Agents;
using Kelos.Runtime.Kubernetes;
using Kelos.Testing;

namespace Kelos.Images.Tests;

/// <summary>
/// A real container run of what the controller would submit: <c>kelos render job</c> for a Task with a Workspace,
/// played by <c>podman kube play</c> (<see cref="KubePlayPod"/> lists the few changes podman needs). The init
/// containers run in a locally built git image and clone from a <see cref="GitDaemon"/>; <c>kelos-agent</c> runs an
/// image laid out like <c>deploy/images/claude-code</c> with a stub <c>claude</c> that commits, pushes and reports
/// what the init containers left. Passed as an <c>--agent-image</c> override, the image counts as a custom one, so the
/// Job runs <c>/kelos_entrypoint.sh</c> directly (the bundled image's run under tini is in
/// <see cref="ClaudeCodeImageTests"/>).
/// </summary>
public sealed class KubePlayTests
{
    private const string Prompt = "Add a hello.sh script that prints hello, commit it and push it.";

    private const string StubClaude = """
        #!/bin/sh
        set -e
        printf '#!/bin/sh\necho hello\n' > hello.sh
        git add hello.sh
        git commit -q -m "Add hello script"
        git push -q origin HEAD
        token=no
        if [ -r "$KELOS_GITHUB_TOKEN_FILE" ] && [ -n "$GITHUB_TOKEN" ] && [ -n "$ANTHROPIC_API_KEY" ]; then token=yes; fi
        answer="Added hello.sh in $(git rev-parse --abbrev-ref HEAD). NOTES.md: $(cat NOTES.md). Secrets readable: $token. HOME=$HOME."
        echo '{"type":"system","subtype":"init","cwd":"'"$PWD"'","session_id":"s-1","model":"claude-sonnet-4-5"}'
        echo '{"type":"assistant","message":{"role":"assistant","content":[{"type":"text","text":"'"$answer"'"}],"stop_reason":"end_turn"},"parent_tool_use_id":null,"session_id":"s-1"}'
        echo '{"type":"result","subtype":"success","is_error":false,"num_turns":2,"result":"'"$answer"'","stop_reason":"end_turn","session_id":"s-1","total_cost_usd":0.0123,"usage":{"input_tokens":321,"output_tokens":45},"terminal_reason":"completed"}'

        """;

    [PodmanFact]
    public async Task KubePlay_RenderedJobWithStubClaude_InitContainersPrepareTheCloneAndTheLogEndsWithTheOutputsBlock()
    {
        Assert.True(Podman.UnavailableReason() is null, $"KELOS_REQUIRE_PODMAN=1, but {Podman.UnavailableReason()}");
        var gitImage = await TestImages.GitAsync();
        var agentImage = await TestImages.StubClaudeCodeAsync(StubClaude);
        using var remote = await BareRemote.CreateAsync();
        await using var daemon = await GitDaemon.StartAsync(remote);
        var task = PodTask.NewName("stub");
        var directory = Directory.CreateTempSubdirectory("kelos-render-").FullName;
        try
        {
            var file = Path.Combine(directory, "task.yaml");
            await File.WriteAllTextAsync(file, PodTask.Yaml(task, daemon.Url, Prompt));
            var rendered = await KelosRender.JobAsync(directory, "-f", file, "--git-image", gitImage, "--agent-image", $"claude-code={agentImage}");
            await using var pod = await KubePlayPod.CreateAsync(rendered, PodTask.Secrets(task));
            Assert.Equal([PodLayout.Entrypoint], pod.Pod.Spec.Containers.Single().Command);

            var (exitCode, log) = await pod.RunAsync(TimeSpan.FromMinutes(3));

            Assert.True(exitCode == 0, $"exit {exitCode}: {log}");
            Assert.Equal("---KELOS_OUTPUTS_END---", log.OutputLines[^1]);
            var block = OutputsBlock.ParseLast(log.OutputLines);
            Assert.True(block is not null, log.ToString());
            var pushed = await remote.BranchHeadAsync(PodTask.Branch);
            Assert.True(pushed is not null, $"nothing reached {PodTask.Branch} on the remote: {log}");
            var answer = $"Added hello.sh in {PodTask.Branch}. NOTES.md: {PodTask.Notes}. Secrets readable: yes. HOME={PodLayout.HomeDir}.";
            Assert.Equal(
                [
                    $"branch: {PodTask.Branch}",
                    $"commit: {pushed}",
                    "base-branch: main",
                    "input-tokens: 321",
                    "output-tokens: 45",
                    "cost-usd: 0.0123",
                    $"response: {OutputsBlock.EncodeResponse(answer)}",
                ],
                block.Outputs);
            // Run directly, the entrypoint itself is PID 1 (its #!/usr/bin/env bash makes that bash).
            SecurityAssert.Restricted(log.StandardError, pid1: "bash");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
