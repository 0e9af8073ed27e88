namespace Kelos.GitHub.Auth;

/// <summary>
/// The permissions a Task's own token carries. The agent pushes its branch and may open or update its pull request
/// (<c>contents</c> and <c>pull_requests: write</c>); it reads the issue but does not write to it
/// (<c>issues: read</c>): what the bot says on GitHub is the reporter's job, with the installation's own token, so
/// an agent cannot post, edit or close anything in the conversation. No <c>workflows</c>: an agent cannot change
/// CI definitions. No <c>checks</c>, <c>actions</c> or administration.
/// </summary>
public static class TaskTokenPermissions
{
    /// <summary>For Tasks that change code (<c>run</c>, review follow-ups).</summary>
    public static IReadOnlyDictionary<string, string> ReadWrite { get; } = new Dictionary<string, string>
    {
        ["contents"] = "write",
        ["pull_requests"] = "write",
        ["issues"] = "read",
        ["metadata"] = "read",
    };

    /// <summary>For Tasks that only read and answer (<c>plan</c>, <c>review</c>), and for code from forks.</summary>
    public static IReadOnlyDictionary<string, string> ReadOnly { get; } = new Dictionary<string, string>
    {
        ["contents"] = "read",
        ["pull_requests"] = "read",
        ["issues"] = "read",
        ["metadata"] = "read",
    };
}
