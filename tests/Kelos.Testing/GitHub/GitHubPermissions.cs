namespace Kelos.Testing.GitHub;

/// <summary>Installation permission names and levels (<c>read</c> &lt; <c>write</c> &lt; <c>admin</c>).</summary>
public static class GitHubPermissions
{
    /// <summary>
    /// What the stand-in's App is granted, and each installation unless a test says otherwise: the Kelos App's
    /// permissions, plus organization <c>members: read</c> for team membership checks.
    /// </summary>
    public static IReadOnlyDictionary<string, string> AppDefaults { get; } = new Dictionary<string, string>
    {
        ["actions"] = "read",
        ["checks"] = "write",
        ["contents"] = "write",
        ["issues"] = "write",
        ["members"] = "read",
        ["metadata"] = "read",
        ["pull_requests"] = "write",
    };

    /// <summary>1 for read, 2 for write, 3 for admin, 0 for anything else.</summary>
    public static int Rank(string? level) => level switch
    {
        "read" => 1,
        "write" => 2,
        "admin" => 3,
        _ => 0,
    };

    /// <summary>Whether <paramref name="granted"/> allows <paramref name="level"/> on <paramref name="permission"/>.</summary>
    public static bool Allows(IReadOnlyDictionary<string, string> granted, string permission, string level) =>
        Rank(granted.GetValueOrDefault(permission)) >= Rank(level);
}
