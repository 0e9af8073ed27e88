using System.Text.RegularExpressions;
using Kelos.Agents;
using Kelos.Runtime.Kubernetes;
using Kelos.Testing;

namespace Kelos.Images.Tests;

/// <summary>
/// What the Dockerfiles promise the cluster: the agent CLI at the version pinned in
/// <c>scripts/agent-versions.txt</c>, user 61100, tini, a user bin directory on PATH and the shared entrypoint.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string Root = RepositoryRoot.Find();

    public static TheoryData<string> AgentTypes() => EntrypointTests.AgentTypes();

    [Fact]
    public void AgentDockerfiles_EveryPinnedCli_IsInstalledAtItsPinnedVersion()
    {
        var pins = File.ReadAllLines(Path.Combine(Root, "scripts", "agent-versions.txt"))
            .Select(line => line.Split('#')[0].Trim())
            .Where(line => line.Length > 0)
            .ToList();
        Assert.NotEmpty(pins);
        var installed = AgentAdapters.All
            .Select(adapter => File.ReadAllText(Path.Combine(ImageLayout.ImagesDirectory, adapter.AgentType, "Dockerfile")))
            .SelectMany(text => NpmInstalls(text))
            .ToList();

        Assert.Equal(pins.Order(StringComparer.Ordinal), installed.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AgentTypes))]
    public void AgentDockerfile_RunsTheSharedEntrypointAsUser61100UnderTiniWithThePodsHome(string agentType)
    {
        var text = File.ReadAllText(Path.Combine(ImageLayout.ImagesDirectory, agentType, "Dockerfile"));

        Assert.Contains("COPY common/ /kelos/", text, StringComparison.Ordinal);
        Assert.Contains($"COPY {agentType}/agent.sh /kelos/agent.sh", text, StringComparison.Ordinal);
        Assert.Contains("RUN sh /kelos/setup-image.sh", text, StringComparison.Ordinal);
        Assert.Contains("USER 61100:61100", text, StringComparison.Ordinal);
        Assert.Contains($"ENV HOME={PodLayout.HomeDir}", text, StringComparison.Ordinal);
        Assert.Contains($"PATH={PodLayout.HomeDir}/.local/bin:$PATH", text, StringComparison.Ordinal);
        Assert.Contains($"KELOS_AGENT_TYPE={agentType}", text, StringComparison.Ordinal);
        Assert.EndsWith($"ENTRYPOINT [\"{PodLayout.Tini}\", \"-g\", \"--\", \"{PodLayout.Entrypoint}\"]", text.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void SharedImageSetup_CreatesUser61100WithThePodsHomeAndLinksTheEntrypoint()
    {
        var text = File.ReadAllText(Path.Combine(ImageLayout.ImagesDirectory, "common", "setup-image.sh"));

        Assert.Contains("apt-get install -y --no-install-recommends git gh tini ca-certificates", text, StringComparison.Ordinal);
        Assert.Contains($"useradd --uid 61100 --gid 61100 --home-dir {PodLayout.HomeDir}", text, StringComparison.Ordinal);
        Assert.Contains($"mkdir -p {PodLayout.HomeDir}/.local/bin /workspace", text, StringComparison.Ordinal);
        Assert.Contains("ln -s /kelos/kelos_entrypoint.sh /kelos_entrypoint.sh", text, StringComparison.Ordinal);
    }

    [Fact]
    public void KelosDockerfile_PublishesTheCliAndRunsItAsUser61100UnderTini()
    {
        var text = File.ReadAllText(Path.Combine(ImageLayout.ImagesDirectory, "kelos", "Dockerfile"));

        Assert.Contains("dotnet publish src/Kelos.Cli/Kelos.Cli.csproj", text, StringComparison.Ordinal);
        Assert.Contains("USER 61100:61100", text, StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT [\"/usr/bin/tini\", \"--\", \"/app/kelos\"]", text, StringComparison.Ordinal);
    }

    /// <summary><c>package@version</c> for each <c>npm install ... package@${ARG}</c>, the ARG's default filled in.</summary>
    private static IEnumerable<string> NpmInstalls(string dockerfile)
    {
        var args = ArgDefault().Matches(dockerfile).ToDictionary(match => match.Groups[1].Value, match => match.Groups[2].Value, StringComparer.Ordinal);
        return NpmInstall().Matches(dockerfile).Select(match => $"{match.Groups[1].Value}@{args.GetValueOrDefault(match.Groups[2].Value, "(no default)")}");
    }

    [GeneratedRegex(@"^ARG (\w+)=(\S+)$", RegexOptions.Multiline)]
    private static partial Regex ArgDefault();

    [GeneratedRegex(@"npm install [^\n]*?\s(@?[\w./-]+)@\$\{(\w+)\}")]
    private static partial Regex NpmInstall();
}
