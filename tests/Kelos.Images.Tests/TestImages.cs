using Kelos.Runtime.Kubernetes;
using Kelos.Testing;

namespace Kelos.Images.Tests;

/// <summary>
/// The images the container tests run, built locally without a registry (none is reachable here) on
/// <see cref="TestBaseImage"/> and cached by content (<see cref="CachedImage"/>):
/// <list type="bullet">
/// <item><see cref="GitAsync"/>: the init containers' image (<c>sh</c>, <c>git</c>, <c>base64</c>): the base with a PATH.</item>
/// <item><see cref="NodeBaseAsync"/>: what <c>node:20-bookworm-slim</c> gives the agent Dockerfiles, node and npm
/// (this machine's, copied in) on the Debian base, which also trusts the certificate authorities this machine added
/// (<c>/usr/local/share/ca-certificates</c>: where an egress proxy re-signs TLS, as here, the Dockerfile's
/// <c>npm install</c> needs them just as the machine's own npm does, so npm's global config names the system bundle).</item>
/// <item><see cref="StubClaudeCodeAsync"/>: laid out like <c>deploy/images/claude-code</c> (the shared <c>/kelos</c>
/// files, user 61100 with the pod's home, tini) but with a stub <c>claude</c>.</item>
/// <item><see cref="ClaudeCodeAsync"/>: the real <c>deploy/images/claude-code/Dockerfile</c>, unchanged, built with
/// <c>BASE_IMAGE</c> pointing at the node base; its <c>apt-get</c> and <c>npm install</c> reach Debian's archive and
/// the npm registry as every build here can.</item>
/// </list>
/// </summary>
internal static class TestImages
{
    private const string SystemPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private const string LocalAuthorities = "/usr/local/share/ca-certificates";

    private static string ImagesDirectory => ImageLayout.ImagesDirectory;

    public static async Task<string> GitAsync()
    {
        await TestBaseImage.EnsureAsync();
        var containerfile = $"""
            FROM {TestBaseImage.Name}
            ENV PATH={SystemPath}

            """;
        return await CachedImage.EnsureAsync(
            "localhost/kelos-test-git",
            [containerfile, await CachedImage.IdAsync(TestBaseImage.Name)],
            [],
            ImagesDirectory,
            image => BuildAsync(image, containerfile, _ => Task.CompletedTask));
    }

    public static async Task<string> NodeBaseAsync()
    {
        await TestBaseImage.EnsureAsync();
        var node = (await CommandRunner.RunAsync("bash", ["-c", "readlink -f \"$(command -v node)\""], Path.GetTempPath())).StandardOutput.Trim();
        var npm = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(node)!, "..", "lib", "node_modules", "npm"));
        if (!File.Exists(node) || !Directory.Exists(npm))
        {
            throw new InvalidOperationException($"the node base image copies this machine's node and npm; found node at \"{node}\", npm at \"{npm}\"");
        }

        var containerfile = $"""
            FROM {TestBaseImage.Name}
            COPY node /usr/local/bin/node
            COPY npm/ /usr/local/lib/node_modules/npm/
            COPY ca/ /usr/local/share/ca-certificates/
            RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
             && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
             && update-ca-certificates \
             && echo cafile=/etc/ssl/certs/ca-certificates.crt > /usr/local/etc/npmrc
            ENV PATH={SystemPath}

            """;
        var versions = await CommandRunner.RunAsync(node, ["-p", "process.version + ' npm ' + require(process.argv[1]).version", Path.Combine(npm, "package.json")], Path.GetTempPath());
        var authorities = Directory.Exists(LocalAuthorities) ? CachedImage.FilesUnder(LocalAuthorities, ".").Where(f => f.EndsWith(".crt", StringComparison.Ordinal)).ToList() : [];
        return await CachedImage.EnsureAsync(
            "localhost/kelos-test-node",
            [containerfile, versions.StandardOutput.Trim(), await CachedImage.IdAsync(TestBaseImage.Name)],
            authorities,
            LocalAuthorities,
            image => BuildAsync(image, containerfile, async context =>
            {
                File.Copy(node, Path.Combine(context, "node"));
                await CopyDirectoryAsync(npm, Path.Combine(context, "npm"));
                var ca = Directory.CreateDirectory(Path.Combine(context, "ca")).FullName;
                await File.WriteAllTextAsync(Path.Combine(ca, ".keep"), "");
                foreach (var file in authorities)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(ca, file))!);
                    File.Copy(Path.Combine(LocalAuthorities, file), Path.Combine(ca, file));
                }
            }));
    }

    /// <summary>The claude-code image's layout with <paramref name="stubClaude"/> as <c>claude</c>.</summary>
    public static async Task<string> StubClaudeCodeAsync(string stubClaude)
    {
        var nodeBase = await NodeBaseAsync();
        var home = PodLayout.HomeDir;
        var containerfile = $"""
            FROM {nodeBase}
            COPY claude /usr/local/bin/claude
            COPY common/ /kelos/
            COPY claude-code/agent.sh /kelos/agent.sh
            RUN groupadd --gid 61100 kelos \
             && useradd --uid 61100 --gid 61100 --home-dir {home} --create-home --shell /bin/bash kelos \
             && mkdir -p {home}/.local/bin /workspace \
             && chown -R 61100:61100 {home} /workspace \
             && chmod 0755 /kelos/kelos_entrypoint.sh /usr/local/bin/claude \
             && ln -s /kelos/kelos_entrypoint.sh /kelos_entrypoint.sh
            ENV HOME={home} PATH={home}/.local/bin:{SystemPath} KELOS_AGENT_TYPE=claude-code
            USER 61100:61100
            WORKDIR /workspace
            ENTRYPOINT ["/usr/bin/tini", "-g", "--", "/kelos_entrypoint.sh"]

            """;
        var files = CachedImage.FilesUnder(ImagesDirectory, "common").Append(Path.Combine("claude-code", "agent.sh")).ToList();
        return await CachedImage.EnsureAsync(
            "localhost/kelos-test-claude-code-stub",
            [containerfile, stubClaude, await CachedImage.IdAsync(nodeBase)],
            files,
            ImagesDirectory,
            image => BuildAsync(image, containerfile, async context =>
            {
                await File.WriteAllTextAsync(Path.Combine(context, "claude"), stubClaude);
                foreach (var file in files)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(context, file))!);
                    File.Copy(Path.Combine(ImagesDirectory, file), Path.Combine(context, file));
                }
            }));
    }

    /// <summary><c>deploy/images/claude-code/Dockerfile</c> as it is, on the node base (first build: minutes).</summary>
    public static async Task<string> ClaudeCodeAsync()
    {
        var nodeBase = await NodeBaseAsync();
        var files = CachedImage.FilesUnder(ImagesDirectory, "common").Concat(CachedImage.FilesUnder(ImagesDirectory, "claude-code")).ToList();
        return await CachedImage.EnsureAsync(
            "localhost/kelos-test-claude-code",
            [await CachedImage.IdAsync(nodeBase)],
            files,
            ImagesDirectory,
            image => Podman.CheckedAsync(
                ["build", "--quiet", "--build-arg", $"BASE_IMAGE={nodeBase}", "-f", Path.Combine("claude-code", "Dockerfile"), "-t", image, "."],
                ImagesDirectory,
                TimeSpan.FromMinutes(15)));
    }

    private static async Task BuildAsync(string image, string containerfile, Func<string, Task> fillContext)
    {
        var context = Directory.CreateTempSubdirectory("kelos-image-context-").FullName;
        try
        {
            await fillContext(context);
            await File.WriteAllTextAsync(Path.Combine(context, "Containerfile"), containerfile);
            await Podman.CheckedAsync(["build", "--quiet", "-t", image, "-f", "Containerfile", "."], context, TimeSpan.FromMinutes(10));
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }

    private static async Task CopyDirectoryAsync(string source, string target)
    {
        var copy = await CommandRunner.RunAsync("cp", ["-a", source, target], Path.GetTempPath());
        if (copy.ExitCode != 0)
        {
            throw new InvalidOperationException($"cp -a {source} {target} failed: {copy}");
        }
    }
}
