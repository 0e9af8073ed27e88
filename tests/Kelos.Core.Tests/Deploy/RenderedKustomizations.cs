using System.Text.Json.Nodes;
using Kelos.Core.Tests.Crds;
using Kelos.Testing;

namespace Kelos.Core.Tests.Deploy;

/// <summary>
/// Every kustomization under <c>deploy/</c> (and <c>templates/</c>, which deploy/base includes), rendered once with
/// <c>kubectl kustomize</c> as CI and users run it. kubectl comes with the machine image (see
/// scripts/install-prereqs.sh); without it the tests fail rather than skip, so CI never passes unchecked.
/// </summary>
public sealed class RenderedKustomizations
{
    private static readonly string[] FileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    private readonly Dictionary<string, Lazy<CommandResult>> renders;

    public RenderedKustomizations()
    {
        Root = RepositoryRoot.Find();
        Kubectl = FindOnPath("kubectl");
        Directories = new[] { "deploy", "templates" }
            .SelectMany(d => Directory.EnumerateDirectories(Path.Combine(Root, d), "*", SearchOption.AllDirectories).Prepend(Path.Combine(Root, d)))
            .Where(d => FileNames.Any(f => File.Exists(Path.Combine(d, f))))
            .Select(d => Path.GetRelativePath(Root, d))
            .Order(StringComparer.Ordinal)
            .ToList();
        renders = Directories.ToDictionary(d => d, d => new Lazy<CommandResult>(() => Run(d)), StringComparer.Ordinal);
    }

    public string Root { get; }

    /// <summary>kubectl's path, or null when it is not on PATH.</summary>
    public string? Kubectl { get; }

    /// <summary>Each directory holding a kustomization, relative to the repository root (e.g. <c>deploy/overlays/dev</c>).</summary>
    public IReadOnlyList<string> Directories { get; }

    /// <summary>What <c>kubectl kustomize DIR</c> printed and how it ended.</summary>
    public CommandResult Render(string directory) => renders[directory].Value;

    /// <summary>The objects a kustomization renders to; fails the test when it does not render.</summary>
    public IReadOnlyList<JsonNode> Objects(string directory)
    {
        var result = Render(directory);
        Assert.True(result.ExitCode == 0, $"kubectl kustomize {directory} failed: {result}");
        return YamlText.Parse(result.StandardOutput);
    }

    private CommandResult Run(string directory)
    {
        Assert.True(
            Kubectl is not null,
            "kubectl is not on PATH, so deploy/ cannot be checked. It comes with the machine image (Debian's own "
            + "kubernetes-client is too old for these kustomizations); install a kubectl of 1.27 or later.");
        return CommandRunner.RunAsync(Kubectl!, ["kustomize", directory], Root, timeout: TimeSpan.FromMinutes(2)).GetAwaiter().GetResult();
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, program))
            .FirstOrDefault(File.Exists);
}
