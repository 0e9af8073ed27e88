using System.Text.RegularExpressions;
using Kelos.Core.Resources;

namespace Kelos.Runtime.Local.Git;

/// <summary>
/// Makes a fresh clone of a Workspace and puts the Task's branch in it, as the <c>git-clone</c> and
/// <c>branch-setup</c> init containers do on a cluster: clone, check out the ref, check out the branch if it
/// exists on the remote or create it, add remotes, write the workspace files.
/// </summary>
public sealed partial class WorkspaceCloner(GitClient git)
{
    public async Task<PreparedClone> PrepareAsync(WorkspaceSpec workspace, string repoDir, string branch, CancellationToken cancellationToken)
    {
        var parent = Path.GetDirectoryName(repoDir)!;
        var reference = workspace.Ref;
        var isCommit = reference is not null && CommitPattern().IsMatch(reference);

        var clone = new List<string> { "clone", "--no-single-branch" };
        if (IsNetworkUrl(workspace.Repo))
        {
            clone.AddRange(["--depth", "1"]);
        }

        if (reference is not null && !isCommit)
        {
            clone.AddRange(["--branch", reference]);
        }

        clone.AddRange(["--", workspace.Repo, repoDir]);
        await git.RunAsync(parent, clone, cancellationToken);

        if (isCommit)
        {
            if (IsNetworkUrl(workspace.Repo))
            {
                await git.RunAsync(repoDir, ["fetch", "--depth", "1", "origin", reference!], cancellationToken);
            }

            await git.RunAsync(repoDir, ["checkout", "--detach", reference!], cancellationToken);
        }

        var baseBranch = reference ?? await git.RunAsync(repoDir, ["symbolic-ref", "--short", "HEAD"], cancellationToken);
        if (string.Equals(branch, baseBranch, StringComparison.Ordinal))
        {
            throw new GitException($"the Task's branch \"{branch}\" is the Workspace's base branch; agents never work on the base branch, so give the Task a branch of its own");
        }

        var onRemote = await git.TryRunAsync(repoDir, ["ls-remote", "--exit-code", "--heads", "origin", branch], cancellationToken);
        if (onRemote.ExitCode == 0)
        {
            await git.RunAsync(repoDir, ["fetch", "origin", $"+refs/heads/{branch}:refs/remotes/origin/{branch}"], cancellationToken);
            await git.RunAsync(repoDir, ["checkout", "-B", branch, $"origin/{branch}"], cancellationToken);
        }
        else
        {
            await git.RunAsync(repoDir, ["checkout", "-b", branch], cancellationToken);
        }

        foreach (var remote in workspace.Remotes ?? [])
        {
            await git.RunAsync(repoDir, ["remote", "add", remote.Name, remote.Url], cancellationToken);
        }

        WriteFiles(workspace, repoDir);
        var start = await git.RunAsync(repoDir, ["rev-parse", "HEAD"], cancellationToken);
        return new PreparedClone(branch, baseBranch, start);
    }

    /// <summary>Pushes the branch when it holds commits the remote does not have; returns whether it pushed.</summary>
    public async Task<bool> PushIfAheadAsync(string repoDir, PreparedClone clone, CancellationToken cancellationToken)
    {
        var remoteRef = $"refs/remotes/origin/{clone.Branch}";
        var hasRemote = (await git.TryRunAsync(repoDir, ["rev-parse", "--verify", "--quiet", remoteRef], cancellationToken)).ExitCode == 0;
        var since = hasRemote ? remoteRef : clone.StartCommit;
        var ahead = await git.RunAsync(repoDir, ["rev-list", "--count", $"{since}..refs/heads/{clone.Branch}"], cancellationToken);
        if (ahead == "0")
        {
            return false;
        }

        await git.RunAsync(repoDir, ["push", "origin", $"refs/heads/{clone.Branch}:refs/heads/{clone.Branch}"], cancellationToken);
        return true;
    }

    private static void WriteFiles(WorkspaceSpec workspace, string repoDir)
    {
        var root = Path.GetFullPath(repoDir) + Path.DirectorySeparatorChar;
        foreach (var file in workspace.Files ?? [])
        {
            var target = Path.GetFullPath(Path.Combine(repoDir, file.Path));
            if (!target.StartsWith(root, StringComparison.Ordinal) || target.StartsWith(root + ".git" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new GitException($"workspace file \"{file.Path}\" would be written outside the clone");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, file.Content);
        }
    }

    private static bool IsNetworkUrl(string repo) =>
        repo.StartsWith("https://", StringComparison.Ordinal) || repo.StartsWith("http://", StringComparison.Ordinal)
        || repo.StartsWith("git://", StringComparison.Ordinal) || repo.StartsWith("ssh://", StringComparison.Ordinal)
        || repo.StartsWith("git@", StringComparison.Ordinal);

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex CommitPattern();
}
