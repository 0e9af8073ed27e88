using System.Security.Cryptography;

namespace Kelos.Testing.GitHub;

/// <summary>
/// Everything the stand-in holds. One lock (<see cref="Gate"/>) guards all of it: endpoints and test helpers
/// take it around every read and write. Repository names in keys are the canonical <see cref="StandInRepository.FullName"/>,
/// logins, organizations and team slugs are lower-cased.
/// </summary>
internal sealed class StandInState(GitHubStandInOptions options) : IDisposable
{
    private long _lastId = 1000;

    public Lock Gate { get; } = new();

    public GitHubStandInOptions Options { get; } = options;

    public TimeProvider Time => Options.TimeProvider;

    public string BotLogin => $"{Options.AppSlug}[bot]";

    public RSA Key { get; } = RSA.Create(2048);

    public Uri BaseUrl { get; set; } = new("http://127.0.0.1/");

    public Dictionary<long, StandInInstallation> Installations { get; } = [];

    public Dictionary<string, StandInRepository> Repositories { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<(string Repository, int Number), StandInIssue> Issues { get; } = [];

    public Dictionary<(string Repository, int Number), StandInPullRequest> Pulls { get; } = [];

    public Dictionary<long, StandInComment> Comments { get; } = [];

    public Dictionary<long, StandInReview> Reviews { get; } = [];

    public Dictionary<long, StandInReviewComment> ReviewComments { get; } = [];

    public List<StandInReaction> Reactions { get; } = [];

    public Dictionary<long, StandInCheckRun> CheckRuns { get; } = [];

    public Dictionary<(string Repository, string User), string> Collaborators { get; } = [];

    public Dictionary<(string Org, string Team, string User), (string Role, string State)> TeamMembers { get; } = [];

    public Dictionary<string, StandInToken> Tokens { get; } = new(StringComparer.Ordinal);

    public List<StandInDelivery> Deliveries { get; } = [];

    public List<long> RedeliveryRequests { get; } = [];

    /// <summary>Manifest codes not yet exchanged, with the manifest each came from (null when made by a test).</summary>
    public Dictionary<string, string?> ManifestCodes { get; } = new(StringComparer.Ordinal);

    public List<string> ReceivedManifests { get; } = [];

    public List<StandInCall> Calls { get; } = [];

    /// <summary>Bumped as each call arrives and as each is answered (see <see cref="StandInCall.Started"/>).</summary>
    public long WireOrder { get; set; }

    public Dictionary<string, long> UserIds { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Calls made per credential in the current rate-limit hour.</summary>
    public Dictionary<string, int> RateLimitUsed { get; } = new(StringComparer.Ordinal);

    public StandInKnobs Knobs { get; } = new();

    public long NextId() => ++_lastId;

    public long UserId(string login)
    {
        if (!UserIds.TryGetValue(login, out var id))
        {
            id = NextId();
            UserIds[login] = id;
        }

        return id;
    }

    public StandInRepository? FindRepository(string owner, string name) =>
        Repositories.GetValueOrDefault($"{owner}/{name}");

    /// <summary>The repository named <c>owner/name</c>, created if new. For test helpers.</summary>
    public StandInRepository EnsureRepository(string fullName)
    {
        if (Repositories.TryGetValue(fullName, out var existing))
        {
            return existing;
        }

        var slash = fullName.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == fullName.Length - 1 || fullName.IndexOf('/', slash + 1) >= 0)
        {
            throw new ArgumentException($"Expected owner/name, got '{fullName}'.", nameof(fullName));
        }

        var repository = new StandInRepository(NextId(), fullName[..slash], fullName[(slash + 1)..]);
        Repositories[fullName] = repository;
        return repository;
    }

    /// <summary>The repository named <c>owner/name</c>; throws for an unknown one. For test helpers.</summary>
    public StandInRepository RequireRepository(string fullName) =>
        Repositories.TryGetValue(fullName, out var repository)
            ? repository
            : throw new ArgumentException($"No repository '{fullName}' was seeded.", nameof(fullName));

    public void Dispose() => Key.Dispose();
}
