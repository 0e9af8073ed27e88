using System.CommandLine;
using Kelos.Core.Resources;
using Kelos.Runtime.Kubernetes;

namespace Kelos.Cli.Commands;

/// <summary>
/// <c>--agent-image TYPE=IMAGE</c> (repeatable; default <c>$KELOS_AGENT_IMAGES</c>, comma-separated) and
/// <c>--git-image</c> (default <c>$KELOS_GIT_IMAGE</c>): which images a Task's pod runs, for <c>kelos render job</c>
/// and the cluster controller alike.
/// </summary>
public sealed class AgentImageOptions
{
    public const string AgentImagesVariable = "KELOS_AGENT_IMAGES";
    public const string GitImageVariable = "KELOS_GIT_IMAGE";

    public Option<string[]> AgentImage { get; } = new("--agent-image")
    {
        Description = $"TYPE=IMAGE: the image for an agent type instead of the stock one; repeatable (default: ${AgentImagesVariable}, comma-separated)",
        DefaultValueFactory = _ => (Environment.GetEnvironmentVariable(AgentImagesVariable) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
    };

    public Option<string?> GitImage { get; } = new("--git-image")
    {
        Description = $"Image of the init containers (needs sh, git, base64; default: ${GitImageVariable}, else alpine/git)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(GitImageVariable) is { Length: > 0 } image ? image : null,
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(AgentImage);
        command.Add(GitImage);
    }

    /// <exception cref="CliException">A pair that is not TYPE=IMAGE with a known agent type.</exception>
    public AgentImages Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in parse.GetValue(AgentImage) ?? [])
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0 || at == pair.Length - 1 || !AgentTypes.All.Contains(pair[..at]))
            {
                throw new CliException($"--agent-image \"{pair}\": expected TYPE=IMAGE with TYPE one of {string.Join(", ", AgentTypes.All)}");
            }

            overrides[pair[..at]] = pair[(at + 1)..];
        }

        return parse.GetValue(GitImage) is { } git ? new AgentImages { Overrides = overrides, GitImage = git } : new AgentImages { Overrides = overrides };
    }
}
