using Kelos.Core.Resources;
using Kelos.GitHub.Triggers;

namespace Kelos.GitHub.Tests.Triggers;

/// <summary>Trust by a fixed list of writers; everyone else is refused with a reason.</summary>
internal sealed class FakeTrust(params string[] writers) : ITrustCheck
{
    public List<string> Asked { get; } = [];

    public Task<TrustVerdict> CheckAsync(long installationId, string owner, string repo, string user, CommentPolicy? policy, CancellationToken cancellationToken)
    {
        Asked.Add(user);
        return Task.FromResult(writers.Contains(user) ? TrustVerdict.Yes : TrustVerdict.No($"@{user} has read access on {owner}/{repo}; this needs write access"));
    }
}
