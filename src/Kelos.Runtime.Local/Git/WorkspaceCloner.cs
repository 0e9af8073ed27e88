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
        // --no-local: a local source is copied, never hard-linked, so the agent cannot reach its objects.
        clone.Add(IsNetworkUrl(workspace.Repo) ? "--depth=1" : "--no-local");

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

        var defaultBranch = await DefaultBranchAsync(repoDir, cancellationToken);
        var baseBranch = reference ?? defaultBranch ?? "HEAD";
        var plainBranch = branch.StartsWith("refs/heads/", StringComparison.Ordinal) ? branch["refs/heads/".Length..] : branch;
        if (plainBranch == baseBranch || plainBranch == defaultBranch)
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

    /// <summary>The remote's default branch, as the clone recorded it (<c>origin/HEAD</c>).</summary>
    private async Task<string?> DefaultBranchAsync(string repoDir, CancellationToken cancellationToken)
    {
        var result = await git.TryRunAsync(repoDir, ["symbolic-ref", "--short", "refs/remotes/origin/HEAD"], cancellationToken);
        return result.ExitCode == 0 && result.Stdout.Trim().StartsWith("origin/", StringComparison.Ordinal) ? result.Stdout.Trim()["origin/".Length..] : null;
    }

    /// <summary>
    /// Writes the Workspace's files. The cloned repository is not trusted: a path that runs through a symbolic
    /// link it contains would write wherever the link points, so such a path is refused.
    /// </summary>
    private static void WriteFiles(WorkspaceSpec workspace, string repoDir)
    {
        var root = Path.GetFullPath(repoDir);
        foreach (var file in workspace.Files ?? [])
        {
            var target = Path.GetFullPath(Path.Combine(root, file.Path));
            if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || target.StartsWith(Path.Combine(root, ".git") + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new GitException($"workspace file \"{file.Path}\" would be written outside the clone");
            }

            var probe = root;
            foreach (var part in Path.GetRelativePath(root, target).Split(Path.DirectorySeparatorChar))
            {
                probe = Path.Combine(probe, part);
                if (new FileInfo(probe).LinkTarget is not null)
                {
                    throw new GitException($"workspace file \"{file.Path}\" goes through a symbolic link in the repository ({Path.GetRelativePath(root, probe)}); Kelos does not write through links");
                }
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
