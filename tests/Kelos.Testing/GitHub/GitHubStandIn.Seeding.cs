namespace Kelos.Testing.GitHub;

/// <summary>Test helpers that put things on the stand-in, as if people had done them on GitHub.</summary>
public sealed partial class GitHubStandIn
{
    /// <summary>Installs the App on an organization with <see cref="GitHubPermissions.AppDefaults"/>; creates the repositories.</summary>
    public StandInInstallation AddInstallation(string account, params string[] repositories) =>
        AddInstallation(account, repositories, GitHubPermissions.AppDefaults);

    /// <summary>Installs the App on an account with the given permissions; creates the repositories.</summary>
    public StandInInstallation AddInstallation(
        string account, IReadOnlyList<string> repositories, IReadOnlyDictionary<string, string> permissions, string accountType = "Organization")
    {
        lock (_state.Gate)
        {
            foreach (var name in repositories)
            {
                _state.EnsureRepository($"{account}/{name}");
            }

            var installation = new StandInInstallation(_state.NextId(), account, accountType, [.. repositories], new Dictionary<string, string>(permissions));
            _state.Installations[installation.Id] = installation;
            return installation;
        }
    }

    /// <summary>Changes which repositories an installation covers (as its account does in the installation settings); creates new ones.</summary>
    public StandInInstallation SetInstallationRepositories(long installationId, params string[] repositories) =>
        ChangeInstallation(installationId, installation =>
        {
            foreach (var name in repositories)
            {
                _state.EnsureRepository($"{installation.Account}/{name}");
            }

            return installation with { Repositories = [.. repositories] };
        });

    /// <summary>Suspends an installation (its tokens are refused from now on), or lifts the suspension.</summary>
    public StandInInstallation SuspendInstallation(long installationId, bool suspended = true) =>
        ChangeInstallation(installationId, installation => installation with { SuspendedAt = suspended ? _state.Time.GetUtcNow() : null });

    /// <summary>Uninstalls the App from an account: the installation and its tokens are gone.</summary>
    public void RemoveInstallation(long installationId)
    {
        lock (_state.Gate)
        {
            if (!_state.Installations.Remove(installationId))
            {
                throw new ArgumentException($"No installation {installationId}.", nameof(installationId));
            }
        }
    }

    /// <summary>Creates a repository (<c>owner/name</c>) the App is not necessarily installed on; returns its id.</summary>
    public long AddRepository(string fullName)
    {
        lock (_state.Gate)
        {
            return _state.EnsureRepository(fullName).Id;
        }
    }

    /// <summary>Gives <paramref name="user"/> a role on a repository: admin, maintain, write, triage, read or none.</summary>
    public void SetCollaborator(string repository, string user, string role)
    {
        lock (_state.Gate)
        {
            _state.Collaborators[(_state.RequireRepository(repository).FullName, user.ToLowerInvariant())] = role;
        }
    }

    /// <summary>Adds <paramref name="user"/> to a team (role member or maintainer; pending until they accept).</summary>
    public void AddTeamMember(string org, string teamSlug, string user, string role = "member", bool pending = false)
    {
        lock (_state.Gate)
        {
            _state.TeamMembers[(org.ToLowerInvariant(), teamSlug.ToLowerInvariant(), user.ToLowerInvariant())] = (role, pending ? "pending" : "active");
        }
    }

    /// <summary>Opens an issue; returns its number.</summary>
    public int AddIssue(string repository, string title, string author = "octocat", string? body = null)
    {
        lock (_state.Gate)
        {
            var repo = _state.RequireRepository(repository);
            var number = ++repo.LastNumber;
            _state.Issues[(repo.FullName, number)] = new StandInIssue(repo.FullName, number, title, body, author, false, "open", _state.Time.GetUtcNow());
            return number;
        }
    }

    /// <summary>Opens a pull request from <paramref name="head"/> into <paramref name="baseBranch"/>; returns its number.</summary>
    public int AddPullRequest(
        string repository, string title, string head, string author = "octocat", string baseBranch = "main", string? headSha = null, bool draft = false)
    {
        lock (_state.Gate)
        {
            var repo = _state.RequireRepository(repository);
            var number = ++repo.LastNumber;
            var now = _state.Time.GetUtcNow();
            _state.Issues[(repo.FullName, number)] = new StandInIssue(repo.FullName, number, title, null, author, true, "open", now);
            _state.Pulls[(repo.FullName, number)] = new StandInPullRequest(
                repo.FullName, number, title, null, author, head, baseBranch, headSha ?? PullJson.BaseSha(head), draft, "open", [], now);
            return number;
        }
    }

    /// <summary>Adds a conversation comment by <paramref name="author"/> to an issue or pull request; returns its id.</summary>
    /// <param name="id">The comment's id, for a caller that has chosen them already (a load generator); else the next one.</param>
    public long AddIssueComment(string repository, int number, string author, string body, long? id = null)
    {
        lock (_state.Gate)
        {
            var repo = _state.RequireRepository(repository);
            if (!_state.Issues.ContainsKey((repo.FullName, number)))
            {
                throw new ArgumentException($"No issue #{number} in {repository}.", nameof(number));
            }

            var now = _state.Time.GetUtcNow();
            var comment = new StandInComment(id ?? _state.NextId(), repo.FullName, number, author, body, now, now);
            if (!_state.Comments.TryAdd(comment.Id, comment))
            {
                throw new ArgumentException($"Comment {comment.Id} exists already.", nameof(id));
            }

            return comment.Id;
        }
    }

    /// <summary>Deletes a conversation comment, as a person with the rights to would.</summary>
    public void DeleteComment(long id)
    {
        lock (_state.Gate)
        {
            _state.Comments.Remove(id);
        }
    }

    /// <summary>Submits a review (APPROVED, CHANGES_REQUESTED or COMMENTED) on a pull request; returns its id.</summary>
    public long AddReview(string repository, int pullNumber, string author, string state, string? body = null)
    {
        lock (_state.Gate)
        {
            var repo = RequirePull(repository, pullNumber);
            var review = new StandInReview(_state.NextId(), repo.FullName, pullNumber, author, state, body);
            _state.Reviews[review.Id] = review;
            return review.Id;
        }
    }

    /// <summary>Adds a review comment on a file and line (part of a review, or a reply in a thread); returns its id.</summary>
    public long AddReviewComment(
        string repository, int pullNumber, string author, string body, string path, int line, long? reviewId = null, long? inReplyTo = null)
    {
        lock (_state.Gate)
        {
            var repo = RequirePull(repository, pullNumber);
            var comment = new StandInReviewComment(
                _state.NextId(), repo.FullName, pullNumber, reviewId, inReplyTo, author, body, path, line, _state.Time.GetUtcNow());
            _state.ReviewComments[comment.Id] = comment;
            return comment.Id;
        }
    }

    /// <summary>Adds a webhook delivery to what <c>GET /app/hook/deliveries</c> lists.</summary>
    public void AddDelivery(StandInDelivery delivery)
    {
        lock (_state.Gate)
        {
            _state.Deliveries.Add(delivery);
        }
    }

    /// <summary>A one-time manifest code, as if someone had completed the one-click form.</summary>
    public string CreateManifestCode()
    {
        lock (_state.Gate)
        {
            return ManifestEndpoints.NewCode(_state, null);
        }
    }

    private StandInInstallation ChangeInstallation(long installationId, Func<StandInInstallation, StandInInstallation> change)
    {
        lock (_state.Gate)
        {
            if (!_state.Installations.TryGetValue(installationId, out var installation))
            {
                throw new ArgumentException($"No installation {installationId}.", nameof(installationId));
            }

            var changed = change(installation);
            _state.Installations[installationId] = changed;
            return changed;
        }
    }

    private StandInRepository RequirePull(string repository, int pullNumber)
    {
        var repo = _state.RequireRepository(repository);
        return _state.Pulls.ContainsKey((repo.FullName, pullNumber))
            ? repo
            : throw new ArgumentException($"No pull request #{pullNumber} in {repository}.", nameof(pullNumber));
    }
}
