namespace Kelos.Testing.GitHub;

/// <summary>Users, repositories, the App and its installations, shaped as GitHub's REST API returns them.</summary>
internal static class AccountJson
{
    public static object User(StandInState state, string login, string? type = null)
    {
        var url = new Uri(state.BaseUrl, $"users/{Uri.EscapeDataString(login)}");
        return new
        {
            Login = login,
            Id = state.UserId(login),
            NodeId = $"U_{state.UserId(login)}",
            Type = type ?? AccountType(state, login),
            SiteAdmin = false,
            Url = url,
            HtmlUrl = url,
            AvatarUrl = new Uri(state.BaseUrl, $"avatars/{Uri.EscapeDataString(login)}"),
        };
    }

    public static object Repository(StandInState state, StandInRepository repository) => new
    {
        repository.Id,
        NodeId = $"R_{repository.Id}",
        repository.Name,
        repository.FullName,
        Owner = User(state, repository.Owner),
        Private = false,
        HtmlUrl = new Uri(state.BaseUrl, repository.FullName),
        Url = new Uri(state.BaseUrl, $"repos/{repository.FullName}"),
        DefaultBranch = "main",
    };

    public static object App(StandInState state) => new
    {
        Id = state.Options.AppId,
        Slug = state.Options.AppSlug,
        NodeId = $"A_{state.Options.AppId}",
        Name = state.Options.AppSlug,
        Owner = User(state, "kelos-dev", "Organization"),
        Description = "Kelos (GitHub stand-in)",
        ExternalUrl = "https://kelos.example.com",
        HtmlUrl = new Uri(state.BaseUrl, $"apps/{state.Options.AppSlug}"),
        CreatedAt = "2024-01-01T00:00:00Z",
        UpdatedAt = "2024-01-01T00:00:00Z",
        Permissions = GitHubPermissions.AppDefaults,
        Events = new[]
        {
            "issue_comment", "issues", "pull_request", "pull_request_review", "pull_request_review_comment", "check_run",
        },
    };

    public static object Installation(StandInState state, StandInInstallation installation) => new
    {
        installation.Id,
        Account = User(state, installation.Account, installation.AccountType),
        AccessTokensUrl = new Uri(state.BaseUrl, $"app/installations/{installation.Id}/access_tokens"),
        RepositoriesUrl = new Uri(state.BaseUrl, "installation/repositories"),
        HtmlUrl = new Uri(state.BaseUrl, $"settings/installations/{installation.Id}"),
        AppId = state.Options.AppId,
        AppSlug = state.Options.AppSlug,
        TargetId = state.UserId(installation.Account),
        TargetType = installation.AccountType,
        installation.Permissions,
        Events = Array.Empty<string>(),
        RepositorySelection = "selected",
        CreatedAt = "2024-01-01T00:00:00Z",
        UpdatedAt = "2024-01-01T00:00:00Z",
        SuspendedAt = StandInJson.Time(installation.SuspendedAt),
        SuspendedBy = installation.SuspendedAt is null ? null : User(state, installation.Account, installation.AccountType),
    };

    /// <summary>Bots end in <c>[bot]</c>; installation accounts keep their type; everyone else is a User.</summary>
    private static string AccountType(StandInState state, string login)
    {
        if (login.EndsWith("[bot]", StringComparison.Ordinal))
        {
            return "Bot";
        }

        return state.Installations.Values.FirstOrDefault(i => string.Equals(i.Account, login, StringComparison.OrdinalIgnoreCase))?.AccountType
            ?? "User";
    }
}
