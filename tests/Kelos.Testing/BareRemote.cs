namespace Kelos.Testing;

/// <summary>
/// A bare repository that plays a Workspace's remote: seeded from a <see cref="TemporaryGitRepository"/> so
/// <c>main</c> has one commit. Tests read back what was pushed to it.
/// </summary>
public sealed class BareRemote : IDisposable
{
    private readonly TemporaryGitRepository _seed;

    private BareRemote(TemporaryGitRepository seed, string path)
    {
        _seed = seed;
        Path = path;
    }

    /// <summary>The bare repository's directory: a clone URL for a local Workspace.</summary>
    public string Path { get; }

    public static async Task<BareRemote> CreateAsync(CancellationToken cancellationToken = default)
    {
        var seed = await TemporaryGitRepository.CreateAsync(cancellationToken);
        var path = System.IO.Path.Combine(Directory.CreateTempSubdirectory("kelos-remote-").FullName, "remote.git");
        await seed.GitAsync(["clone", "-q", "--bare", seed.Path, path], cancellationToken);
        return new BareRemote(seed, path);
    }

    /// <summary>Runs git in the bare repository; throws when git fails.</summary>
    public async Task<string> GitAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        var result = await CommandRunner.RunAsync("git", arguments, Path, cancellationToken: cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {result}");
        }

        return result.StandardOutput.Trim();
    }

    /// <summary>The commit a branch points at on this remote, or null when it has no such branch.</summary>
    public async Task<string?> BranchHeadAsync(string branch)
    {
        var result = await CommandRunner.RunAsync("git", ["rev-parse", "--verify", "--quiet", $"refs/heads/{branch}"], Path);
        return result.ExitCode == 0 ? result.StandardOutput.Trim() : null;
    }

    /// <summary>Adds a commit on <paramref name="branch"/> (created from main) and pushes it here.</summary>
    public async Task<string> PushBranchAsync(string branch, string fileName)
    {
        await _seed.GitAsync(["checkout", "-q", "-B", branch, "main"]);
        await File.WriteAllTextAsync(System.IO.Path.Combine(_seed.Path, fileName), "from the remote\n");
        await _seed.GitAsync(["add", fileName]);
        await _seed.GitAsync(["commit", "-qm", $"Add {fileName}"]);
        await _seed.GitAsync(["push", "-q", Path, $"{branch}:{branch}"]);
        await _seed.GitAsync(["checkout", "-q", "main"]);
        return await BranchHeadAsync(branch) ?? throw new InvalidOperationException("push did not land");
    }

    /// <summary>Commits a symbolic link <paramref name="linkName"/> → <paramref name="target"/> on <paramref name="branch"/> and pushes it here.</summary>
    public async Task PushSymlinkAsync(string branch, string linkName, string target)
    {
        await _seed.GitAsync(["checkout", "-q", branch]);
        File.CreateSymbolicLink(System.IO.Path.Combine(_seed.Path, linkName), target);
        await _seed.GitAsync(["add", linkName]);
        await _seed.GitAsync(["commit", "-qm", $"Add link {linkName}"]);
        await _seed.GitAsync(["push", "-q", Path, $"{branch}:{branch}"]);
    }

    public void Dispose()
    {
        _seed.Dispose();
        try
        {
            Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temp cleaner.
        }
    }
}
