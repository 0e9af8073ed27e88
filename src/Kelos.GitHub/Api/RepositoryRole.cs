namespace Kelos.GitHub.Api;

/// <summary>A person's role on a repository (GitHub's role_name), ordered so that a higher value includes the lower ones.</summary>
public enum RepositoryRole
{
    /// <summary>No access (or not a collaborator on a private repository).</summary>
    None = 0,

    /// <summary>Read.</summary>
    Read = 1,

    /// <summary>Triage: read, plus manage issues and pull requests.</summary>
    Triage = 2,

    /// <summary>Write: push.</summary>
    Write = 3,

    /// <summary>Maintain: write, plus some repository settings.</summary>
    Maintain = 4,

    /// <summary>Admin.</summary>
    Admin = 5,
}
