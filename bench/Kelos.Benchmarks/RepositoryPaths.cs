namespace Kelos.Benchmarks;

/// <summary>Default locations, found from the Kelos repository root (the directory holding <c>Kelos.sln</c>).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The real GitHub delivery the load is made of (the shared fixtures sit beside the repository).</summary>
    public static string IssueCommentFixture =>
        Path.GetFullPath(Path.Combine(Root, "..", "shared", "fixtures", "github-webhooks", "issue_comment", "created.with-installation.payload.json"));

    public static string KelosDll => Path.Combine(Root, "src", "Kelos.Cli", "bin", "Release", "net10.0", "kelos.dll");

    private static string FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Kelos.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        return Environment.CurrentDirectory;
    }
}
