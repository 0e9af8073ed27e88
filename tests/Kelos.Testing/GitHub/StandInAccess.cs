using Microsoft.AspNetCore.Http;

namespace Kelos.Testing.GitHub;

/// <summary>
/// Who may do what. App endpoints want a valid JWT; repository and organization endpoints want an installation
/// token whose installation covers the repository (or organization), whose narrowing includes it, and which carries
/// one of the named permissions at the level asked. Call these under <see cref="StandInState.Gate"/>.
/// </summary>
internal static class StandInAccess
{
    /// <summary>Null when the caller presented a valid App JWT; otherwise the 401 to answer.</summary>
    public static IResult? RequireApp(HttpContext context)
    {
        var caller = StandInCaller.Of(context);
        return caller.IsValidApp ? null : GitHubErrors.Unauthorized(caller.Kind == GitHubAuthKind.Jwt ? caller.Error! : "A JSON web token could not be decoded");
    }

    /// <summary>
    /// Finds <c>owner/name</c> and checks the caller may use it with <paramref name="level"/> on one of
    /// <paramref name="anyOf"/>. Null (and the repository) when allowed; otherwise the answer to give.
    /// </summary>
    public static IResult? RequireRepository(
        HttpContext context, StandInState state, string owner, string name, string level, out StandInRepository repository, params string[] anyOf)
    {
        repository = null!;
        var denied = RequireInstallation(context, state, out var token, out var installation);
        if (denied is not null)
        {
            return denied;
        }

        var found = state.FindRepository(owner, name);
        if (found is null)
        {
            return GitHubErrors.NotFound();
        }

        var covered = string.Equals(installation.Account, found.Owner, StringComparison.OrdinalIgnoreCase)
            && installation.Repositories.Contains(found.Name, StringComparer.OrdinalIgnoreCase)
            && (token.Repositories is null || token.Repositories.Contains(found.Name, StringComparer.OrdinalIgnoreCase));
        if (!covered || !anyOf.Any(permission => GitHubPermissions.Allows(token.Permissions, permission, level)))
        {
            return GitHubErrors.Forbidden();
        }

        repository = found;
        return null;
    }

    /// <summary>Checks an installation token on <paramref name="org"/> carries <paramref name="permission"/> at <paramref name="level"/>.</summary>
    public static IResult? RequireOrganization(HttpContext context, StandInState state, string org, string permission, string level)
    {
        var denied = RequireInstallation(context, state, out var token, out var installation);
        if (denied is not null)
        {
            return denied;
        }

        return string.Equals(installation.Account, org, StringComparison.OrdinalIgnoreCase) && GitHubPermissions.Allows(token.Permissions, permission, level)
            ? null
            : GitHubErrors.Forbidden();
    }

    /// <summary>Null (and the token and its installation) when the caller presented a valid installation token; otherwise the answer to give.</summary>
    public static IResult? RequireInstallation(HttpContext context, StandInState state, out StandInToken token, out StandInInstallation installation)
    {
        token = null!;
        installation = null!;
        var caller = StandInCaller.Of(context);
        if (caller.Kind == GitHubAuthKind.None)
        {
            return GitHubErrors.Unauthorized("Requires authentication");
        }

        if (caller.Error is not null)
        {
            return GitHubErrors.Unauthorized(caller.Error);
        }

        if (!caller.IsValidInstallation)
        {
            // An App JWT only reaches /app endpoints; everything else needs an installation token.
            return GitHubErrors.Forbidden();
        }

        if (!state.Installations.TryGetValue(caller.Token!.InstallationId, out var found))
        {
            return GitHubErrors.Unauthorized("Bad credentials");
        }

        if (found.SuspendedAt is not null)
        {
            return GitHubErrors.Forbidden("This installation has been suspended");
        }

        token = caller.Token;
        installation = found;
        return null;
    }
}
