namespace Kelos.Testing.GitHub;

/// <summary>
/// Endpoint metadata: the call creates content that notifies people (comments, pull requests), so it counts
/// against GitHub's content-creation secondary limit and <see cref="GitHubStandIn.ThrottleContentCreation"/> applies.
/// </summary>
internal sealed class ContentCreating
{
    public static ContentCreating Instance { get; } = new();
}
