namespace Kelos.Testing;

/// <summary>Finds the Kelos repository root (the directory holding <c>Kelos.sln</c>) above the test binaries.</summary>
public static class RepositoryRoot
{
    /// <summary>The repository root above <see cref="AppContext.BaseDirectory"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">No <c>Kelos.sln</c> above the test binaries.</exception>
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Kelos.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Kelos.sln above {AppContext.BaseDirectory}.");
    }
}
