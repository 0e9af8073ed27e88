using Microsoft.AspNetCore.Http;

namespace Kelos.Testing.GitHub;

/// <summary>Who is calling, as the <c>Authorization</c> header says.</summary>
/// <param name="Kind">The kind of credential presented.</param>
/// <param name="Error">Why the credential is not accepted, or null when it is.</param>
/// <param name="Token">The installation token, when one was presented and is known.</param>
/// <param name="CredentialKey">What the rate limit is counted against.</param>
internal sealed record StandInCaller(GitHubAuthKind Kind, string? Error, StandInToken? Token, string CredentialKey)
{
    public bool IsValidApp => Kind == GitHubAuthKind.Jwt && Error is null;

    public bool IsValidInstallation => Kind == GitHubAuthKind.InstallationToken && Error is null && Token is not null;

    public static StandInCaller Of(HttpContext context) =>
        context.Items[typeof(StandInCaller)] as StandInCaller ?? new StandInCaller(GitHubAuthKind.None, null, null, "anonymous");
}
