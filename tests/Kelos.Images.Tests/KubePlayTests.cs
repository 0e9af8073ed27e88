using Kelos.Agents;
using Kelos.Testing;

namespace Kelos.Images.Tests;

/// <summary>
/// A real container run of the agent pod: an image laid out like <c>deploy/images/claude-code</c> (the shared
/// <c>/kelos</c> files, user 61100, tini, a user bin directory on PATH) with a stub <c>claude</c>, run by
/// <c>podman kube play</c> from a Pod manifest shaped as agent-interface.md describes the controller's
/// (<c>kelos-agent</c> running <c>/kelos_entrypoint.sh PROMPT</c>, the interface's environment, the restricted
/// security context), with the clone mounted at <c>/workspace/repo</c>. The outputs block is read from
/// <c>podman logs</c>, as the controller reads it from the pod log.
/// </summary>
public sealed class KubePlayTests
{
    private const string Image = "localhost/kelos-test-agent:dev";
    private const string Answer = "Added hello.sh and committed it.";

    private const string StubClaude = """
        #!/bin/sh
        set -e
        printf '#!/bin/sh\necho hello\n' > hello.sh
        git add hello.sh
        git commit -q -m "Add hello script"
        echo '{"type":"system","subtype":"init","cwd":"'"$PWD"'","session_id":"s-1","model":"claude-sonnet-4-5"}'
        echo '{"type":"assistant","message":{"role":"assistant","content":[{"type":"text","text":"Added hello.sh and committed it."}],"stop_reason":"end_turn"},"parent_tool_use_id":null,"session_id":"s-1"}'
        echo '{"type":"result","subtype":"success","is_error":false,"num_turns":2,"result":"Added hello.sh and committed it.","stop_reason":"end_turn","session_id":"s-1","total_cost_usd":0.0123,"usage":{"input_tokens":321,"output_tokens":45},"terminal_reason":"completed"}'
        """;

    private const string Containerfile = $"""
        FROM {TestBaseImage.Name}
        COPY node /usr/local/bin/node
        COPY claude /usr/local/bin/claude
        COPY kelos/ /kelos/
        RUN groupadd --gid 61100 kelos \
         && useradd --uid 61100 --gid 61100 --home-dir /home/kelos --create-home --shell /bin/bash kelos \
         && mkdir -p /home/kelos/.local/bin /workspace \
         && chown -R 61100:61100 /home/kelos /workspace \
         && chmod 0755 /kelos/kelos_entrypoint.sh /usr/local/bin/claude /usr/local/bin/node \
         && ln -s /kelos/kelos_entrypoint.sh /kelos_entrypoint.sh
        ENV HOME=/home/kelos PATH=/home/kelos/.local/bin:$PATH KELOS_AGENT_TYPE=claude-code
        USER 61100:61100
        WORKDIR /workspace
        ENTRYPOINT ["/usr/bin/tini", "-g", "--", "/kelos_entrypoint.sh"]

        """;

    [PodmanFact]
    public async Task KubePlay_AgentPodWithStubCli_LogEndsWithTheOutputsBlock()
    {
        Assert.True(Podman.UnavailableReason() is null, $"KELOS_REQUIRE_PODMAN=1, but {Podman.UnavailableReason()}");
        await TestBaseImage.EnsureAsync();
        await BuildImageAsync();
        using var repository = await TemporaryGitRepository.CreateAsync();
        await repository.GitAsync(["checkout", "-q", "-b", "kelos/hello"]);
        await CommandRunner.RunAsync("chown", ["-R", "61100:61100", repository.Path], repository.Path);
        var pod = $"kelos-images-test-{Guid.NewGuid():N}"[..30];
        var manifest = Path.Combine(repository.Path, "..", pod + ".yaml");
        File.WriteAllText(manifest, PodManifest(pod, repository.Path));
        try
        {
            await Podman.CheckedAsync(["kube", "play", manifest], repository.Path);
            var container = $"{pod}-kelos-agent";
            var exitCode = (await Podman.CheckedAsync(["wait", container], repository.Path, TimeSpan.FromMinutes(2))).Trim();
            var logs = await Podman.RunAsync(["logs", container], repository.Path);

            Assert.True(exitCode == "0", $"exit {exitCode}: {logs}");
            var block = OutputsBlock.ParseLast(logs.OutputLines);
            Assert.True(block is not null, logs.ToString());
            var head = (await CommandRunner.RunAsync("git", ["-c", $"safe.directory={repository.Path}", "rev-parse", "HEAD"], repository.Path)).StandardOutput.Trim();
            Assert.Equal(
                [
                    "branch: kelos/hello",
                    $"commit: {head}",
                    "base-branch: main",
                    "input-tokens: 321",
                    "output-tokens: 45",
                    "cost-usd: 0.0123",
                    $"response: {OutputsBlock.EncodeResponse(Answer)}",
                ],
                block.Outputs);
            Assert.Contains("---KELOS_SETUP_COMMAND_DONE---", logs.StandardError, StringComparison.Ordinal);
            Assert.Contains("uid=61100", logs.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            await Podman.RunAsync(["pod", "rm", "--force", pod], Path.GetTempPath());
            File.Delete(manifest);
        }
    }

    private static async Task BuildImageAsync()
    {
        using var layout = ImageLayout.For("claude-code");
        var context = Directory.CreateTempSubdirectory("kelos-image-context-").FullName;
        try
        {
            var kelos = Directory.CreateDirectory(Path.Combine(context, "kelos")).FullName;
            foreach (var file in Directory.GetFiles(layout.Root))
            {
                File.Copy(file, Path.Combine(kelos, Path.GetFileName(file)));
            }

            var node = (await CommandRunner.RunAsync("bash", ["-c", "readlink -f \"$(command -v node)\""], context)).StandardOutput.Trim();
            File.Copy(node, Path.Combine(context, "node"));
            File.WriteAllText(Path.Combine(context, "claude"), StubClaude + "\n");
            File.WriteAllText(Path.Combine(context, "Containerfile"), Containerfile);
            await Podman.CheckedAsync(["build", "--quiet", "-t", Image, "-f", "Containerfile", "."], context, TimeSpan.FromMinutes(5));
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }

    private static string PodManifest(string pod, string repository) => $$"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{pod}}
          labels:
            kelos.dev/task: hello-task
        spec:
          restartPolicy: Never
          securityContext:
            runAsUser: 61100
            runAsGroup: 61100
            runAsNonRoot: true
            fsGroup: 61100
          containers:
            - name: kelos-agent
              image: {{Image}}
              command: ["/kelos_entrypoint.sh"]
              args: ["Add a hello.sh script that prints hello and commit it."]
              workingDir: /workspace/repo
              env:
                - name: KELOS_AGENT_TYPE
                  value: claude-code
                - name: KELOS_TASK_NAME
                  value: hello-task
                - name: KELOS_BRANCH
                  value: kelos/hello
                - name: KELOS_BASE_BRANCH
                  value: main
                - name: KELOS_SETUP_COMMAND
                  value: '["sh", "-c", "id >&2"]'
                - name: ANTHROPIC_API_KEY
                  value: sk-test-not-a-secret
              resources:
                limits:
                  cpu: "1"
                  memory: 512Mi
              securityContext:
                allowPrivilegeEscalation: false
                runAsNonRoot: true
                capabilities:
                  drop: ["ALL"]
              volumeMounts:
                - name: workspace
                  mountPath: /workspace/repo
          volumes:
            - name: workspace
              hostPath:
                path: {{repository}}
                type: Directory

        """;
}
