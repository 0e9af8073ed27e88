namespace Kelos.Testing.GitHub;

/// <summary>Test helpers that read what reached the stand-in. Each returns a snapshot.</summary>
public sealed partial class GitHubStandIn
{
    /// <summary>Every call answered so far, in order.</summary>
    public IReadOnlyList<StandInCall> Calls => Snapshot(() => _state.Calls.ToList());

    /// <summary>Every installation token issued so far, in order.</summary>
    public IReadOnlyList<StandInToken> IssuedTokens => Snapshot(() => _state.Tokens.Values.ToList());

    /// <summary>Delivery ids whose redelivery was asked for, in order.</summary>
    public IReadOnlyList<long> RedeliveryRequests => Snapshot(() => _state.RedeliveryRequests.ToList());

    /// <summary>Manifests posted to the one-click form, as JSON text.</summary>
    public IReadOnlyList<string> ReceivedManifests => Snapshot(() => _state.ReceivedManifests.ToList());

    /// <summary>An issue's or pull request's conversation comments, oldest first.</summary>
    public IReadOnlyList<StandInComment> IssueComments(string repository, int number) => Snapshot(() =>
    {
        var name = _state.RequireRepository(repository).FullName;
        return _state.Comments.Values.Where(c => c.Repository == name && c.IssueNumber == number).OrderBy(c => c.Id).ToList();
    });

    /// <summary>One conversation comment by id, or null.</summary>
    public StandInComment? FindComment(long id) => Snapshot(() => _state.Comments.GetValueOrDefault(id));

    /// <summary>Reactions on an issue comment (<paramref name="targetId"/> = comment id), an issue (= number) or a review comment.</summary>
    public IReadOnlyList<StandInReaction> Reactions(string repository, StandInReactionTarget target, long targetId) => Snapshot(() =>
    {
        var name = _state.RequireRepository(repository).FullName;
        return _state.Reactions.Where(r => r.Repository == name && r.Target == target && r.TargetId == targetId).ToList();
    });

    /// <summary>A pull request's review comments and replies, oldest first.</summary>
    public IReadOnlyList<StandInReviewComment> ReviewComments(string repository, int pullNumber) => Snapshot(() =>
    {
        var name = _state.RequireRepository(repository).FullName;
        return _state.ReviewComments.Values.Where(c => c.Repository == name && c.PullNumber == pullNumber).OrderBy(c => c.Id).ToList();
    });

    /// <summary>A repository's pull requests, by number.</summary>
    public IReadOnlyList<StandInPullRequest> PullRequests(string repository) => Snapshot(() =>
    {
        var name = _state.RequireRepository(repository).FullName;
        return _state.Pulls.Values.Where(p => p.Repository == name).OrderBy(p => p.Number).ToList();
    });

    /// <summary>A repository's check runs as last written, oldest first.</summary>
    public IReadOnlyList<StandInCheckRun> CheckRuns(string repository) => Snapshot(() =>
    {
        var name = _state.RequireRepository(repository).FullName;
        return _state.CheckRuns.Values.Where(r => r.Repository == name).OrderBy(r => r.Id).ToList();
    });

    private T Snapshot<T>(Func<T> read)
    {
        lock (_state.Gate)
        {
            return read();
        }
    }
}
