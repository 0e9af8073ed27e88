namespace Kelos.Testing;

/// <summary>
/// A throw-away git repository with one commit on <c>main</c> and a committer configured in the repository itself,
/// so an agent running with a fresh <c>HOME</c> can still commit. Deleted on dispose.
/// </summary>
public sealed class TemporaryGitRepository : IDisposable
{
    /// <summary>The subject of the first commit.</summary>
    public const string InitialSubject = "Initial commit";

    private TemporaryGitRepository(string path)
    {
        Path = path;
    }

    /// <summary>The working tree.</summary>
    public string Path { get; }

    /// <summary>Creates the repository under the system temp directory.</summary>
    public static async Task<TemporaryGitRepository> CreateAsync(CancellationToken cancellationToken = default)
    {
        var path = Directory.CreateTempSubdirectory("kelos-repo-").FullName;
        var repository = new TemporaryGitRepository(path);
        await repository.GitAsync(["init", "-q", "-b", "main"], cancellationToken);
        await repository.GitAsync(["config", "user.name", "Kelos Test"], cancellationToken);
        await repository.GitAsync(["config", "user.email", "kelos-test@example.invalid"], cancellationToken);
        await repository.GitAsync(["config", "commit.gpgsign", "false"], cancellationToken);
        await File.WriteAllTextAsync(System.IO.Path.Combine(path, "README.md"), "# Test repository\n", cancellationToken);
        await repository.GitAsync(["add", "README.md"], cancellationToken);
        await repository.GitAsync(["commit", "-qm", InitialSubject], cancellationToken);
        return repository;
    }

    /// <summary>Runs git in the repository and returns its stdout; throws when git fails.</summary>
    public async Task<string> GitAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        var result = await CommandRunner.RunAsync("git", arguments, Path, cancellationToken: cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {result}");
        }

        return result.StandardOutput;
    }

    /// <summary>The subjects of the commits on HEAD, newest first.</summary>
    public async Task<IReadOnlyList<string>> CommitSubjectsAsync(CancellationToken cancellationToken = default) =>
        (await GitAsync(["log", "--format=%s"], cancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that is still exiting may hold a file; the temp directory is cleaned up eventually.
        }
        catch (UnauthorizedAccessException)
        {
            // git marks its objects read-only on some systems; leave them to the temp cleaner.
        }
    }
}
