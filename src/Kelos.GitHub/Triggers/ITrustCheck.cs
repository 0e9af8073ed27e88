using Kelos.Core.Resources;

namespace Kelos.GitHub.Triggers;

/// <summary>Decides whether a GitHub user may trigger a spawner: permission on the repository, allow lists, teams.</summary>
public interface ITrustCheck
{
    Task<TrustVerdict> CheckAsync(long installationId, string owner, string repo, string user, CommentPolicy? policy, CancellationToken cancellationToken);
}
