namespace Kelos.GitHub.Manifest;

/// <summary>Where GitHub's web UI takes a manifest: <c>/settings/apps/new</c> for a user, <c>/organizations/ORG/settings/apps/new</c> for an organization.</summary>
public static class GitHubAppRegistrationUrl
{
    /// <param name="gitHubUrl">The web root: <c>https://github.com</c>, a GitHub Enterprise Server host, or a stand-in.</param>
    /// <param name="organization">The organization to own the App; null for the signed-in user.</param>
    /// <param name="state">The nonce GitHub passes back to the redirect URL.</param>
    public static Uri For(Uri gitHubUrl, string? organization, string state)
    {
        ArgumentNullException.ThrowIfNull(gitHubUrl);
        var root = gitHubUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        var path = string.IsNullOrEmpty(organization) ? "/settings/apps/new" : $"/organizations/{Uri.EscapeDataString(organization)}/settings/apps/new";
        return new Uri($"{root}{path}?state={Uri.EscapeDataString(state)}");
    }
}
