namespace Kelos.Runtime.Local.Git;

/// <summary>
/// Takes the agent's work out of its clone and pushes the Task's branch, without running git inside the clone:
/// the agent could have planted hooks or config there (<c>core.hooksPath</c>, <c>core.fsmonitor</c>, a new
/// <c>origin</c>) that would run on the host. The commits are fetched into a fresh repository Kelos owns, and
/// pushed from there to the Workspace's URL.
/// </summary>
public sealed class BranchPublisher(GitClient git)
{
    public async Task<PublishedWork> CollectAsync(string cloneDir, string scratchDir, PreparedClone clone, string remoteUrl, bool push, CancellationToken cancellationToken)
    {
        var repo = Path.Combine(scratchDir, "publish.git");
        await git.RunAsync(scratchDir, ["init", "-q", "--bare", repo], cancellationToken);
        await Fetch(repo, cloneDir, "+HEAD:refs/kelos/head", required: true, cancellationToken);
        var head = await git.RunAsync(repo, ["rev-parse", "refs/kelos/head"], cancellationToken);
        var hasBranch = await Fetch(repo, cloneDir, $"+refs/heads/{clone.Branch}:refs/heads/{clone.Branch}", required: false, cancellationToken);
        var work = new PublishedWork(CurrentBranch(cloneDir) ?? clone.Branch, head, Pushed: false);
        if (!push || !hasBranch)
        {
            return work;
        }

        var tip = await git.RunAsync(repo, ["rev-parse", $"refs/heads/{clone.Branch}"], cancellationToken);
        var onRemote = (await git.RunAsync(repo, ["ls-remote", "--heads", remoteUrl, $"refs/heads/{clone.Branch}"], cancellationToken)).Split('\t')[0];
        var nothingNew = onRemote.Length == 0 ? tip == clone.StartCommit : tip == onRemote;
        if (nothingNew)
        {
            return work;
        }

        await git.RunAsync(repo, ["push", "-q", remoteUrl, $"refs/heads/{clone.Branch}:refs/heads/{clone.Branch}"], cancellationToken);
        return work with { Pushed = true };
    }

    private async Task<bool> Fetch(string repo, string cloneDir, string refspec, bool required, CancellationToken cancellationToken)
    {
        string[] args = ["-c", "protocol.file.allow=always", "fetch", "-q", "--no-tags", "--no-write-fetch-head", cloneDir, refspec];
        if (required)
        {
            await git.RunAsync(repo, args, cancellationToken);
            return true;
        }

        return (await git.TryRunAsync(repo, args, cancellationToken)).ExitCode == 0;
    }

    /// <summary>The branch the clone's HEAD names, read from the file (no git in the clone), or null when detached.</summary>
    private static string? CurrentBranch(string cloneDir)
    {
        var gitDir = new DirectoryInfo(Path.Combine(cloneDir, ".git"));
        var headFile = new FileInfo(Path.Combine(gitDir.FullName, "HEAD"));
        if (!gitDir.Exists || gitDir.LinkTarget is not null || !headFile.Exists || headFile.LinkTarget is not null || headFile.Length > 1024)
        {
            return null;
        }

        var head = File.ReadAllText(headFile.FullName).Trim();
        const string prefix = "ref: refs/heads/";
        return head.StartsWith(prefix, StringComparison.Ordinal) ? head[prefix.Length..] : null;
    }
}
