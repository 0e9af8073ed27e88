using System.Reflection;
using Kelos.Core.Resources;

namespace Kelos.Runtime.Kubernetes;

/// <summary>
/// Which image runs a Task's agent, and which runs the git init containers. A Task's <c>spec.image</c> wins; then a
/// per-type override from configuration; then <c>{Registry}/kelos-agent-{type}:{Version}</c>, the images built from
/// <c>deploy/images/</c> and tagged with the Kelos version, so a controller runs the agents it was released with.
/// </summary>
public sealed class AgentImages
{
    /// <summary>Where the stock agent images are published.</summary>
    public string Registry { get; init; } = "ghcr.io/kelos-dev";

    /// <summary>The tag of the stock agent images: the Kelos version by default.</summary>
    public string Version { get; init; } = KelosVersion();

    /// <summary>Images per agent type (<c>claude-code</c> → image) that replace the stock ones.</summary>
    public IReadOnlyDictionary<string, string> Overrides { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The image of the init containers: it needs <c>sh</c>, <c>git</c> and <c>base64</c>, and runs as UID 61100
    /// (set by the pod, not the image). A custom agent image need not carry git.
    /// </summary>
    public string GitImage { get; init; } = "alpine/git:v2.47.2";

    /// <summary>The stock image for an agent type, before any override.</summary>
    public string Default(string agentType) => $"{Registry}/kelos-agent-{agentType}:{Version}";

    /// <summary>The image that runs <paramref name="task"/>'s agent.</summary>
    public string For(KelosTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (!string.IsNullOrWhiteSpace(task.Spec.Image))
        {
            return task.Spec.Image;
        }

        var type = task.Spec.Type ?? "";
        return Overrides.TryGetValue(type, out var image) ? image : Default(type);
    }

    /// <summary>
    /// True when <paramref name="task"/>'s agent runs in a bundled image: the stock repository of its type
    /// (<c>{Registry}/kelos-agent-{type}</c>, any tag or digest). Those images carry <c>/usr/bin/tini</c>, so the
    /// container's command runs the entrypoint under it (agent-interface.md); any other image is run directly.
    /// </summary>
    public bool IsBundled(KelosTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return Repository(For(task)) == $"{Registry}/kelos-agent-{task.Spec.Type}";
    }

    /// <summary>The image reference without its digest and tag.</summary>
    private static string Repository(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        var name = at < 0 ? image : image[..at];
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? name[..colon] : name;
    }

    private static string KelosVersion()
    {
        var version = typeof(AgentImages).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "latest";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return "v" + (plus < 0 ? version : version[..plus]);
    }
}
