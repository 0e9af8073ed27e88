namespace Kelos.Testing.GitHub;

/// <summary>How a call to the GitHub stand-in authenticated itself.</summary>
public enum GitHubAuthKind
{
    /// <summary>No <c>Authorization</c> header.</summary>
    None,

    /// <summary>An App JWT (three dot-separated parts), valid or not.</summary>
    Jwt,

    /// <summary>An installation token the stand-in issued, expired or not.</summary>
    InstallationToken,

    /// <summary>A credential that is neither: an unknown token or an unsupported scheme.</summary>
    Unrecognized,
}
