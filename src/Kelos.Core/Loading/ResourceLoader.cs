namespace Kelos.Core.Loading;

/// <summary>
/// Reads Kelos resources (Task, Workspace, AgentConfig, TaskSpawner, Secret) from YAML or JSON and validates them
/// with precise errors: every problem of every document, each at its file, line and column. A load is all or
/// nothing: when any error is found, no resource is returned. Valid resources are normalized (see
/// <see cref="ResourceNormalizer"/>): they are stored in the flat form, as a conversion webhook would.
/// </summary>
public static class ResourceLoader
{
    /// <summary>The file extensions read from a directory.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".yaml", ".yml", ".json"];

    /// <summary>
    /// Loads one file, or every <c>*.yaml</c>, <c>*.yml</c> and <c>*.json</c> file under a directory (recursively,
    /// sorted by path; hidden files and directories such as <c>.github</c> are skipped).
    /// </summary>
    public static LoadResult LoadPath(string fileOrDirectory)
    {
        ArgumentNullException.ThrowIfNull(fileOrDirectory);
        var session = new LoadSession();
        if (File.Exists(fileOrDirectory))
        {
            AddFile(session, fileOrDirectory);
        }
        else if (Directory.Exists(fileOrDirectory))
        {
            var files = ResourceFiles(fileOrDirectory);
            if (files.Count == 0)
            {
                session.AddFileError(fileOrDirectory, $"no {string.Join(", ", Extensions)} files in this directory");
            }

            foreach (var file in files)
            {
                AddFile(session, file);
            }
        }
        else
        {
            session.AddFileError(fileOrDirectory, "no such file or directory");
        }

        return session.Finish();
    }

    /// <summary>Loads resources from text; <paramref name="fileName"/> is the name errors carry.</summary>
    public static LoadResult LoadText(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var session = new LoadSession();
        session.AddText(text, fileName);
        return session.Finish();
    }

    private static List<string> ResourceFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(f => !IsHidden(Path.GetRelativePath(directory, f)))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static bool IsHidden(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part.StartsWith('.'));

    private static void AddFile(LoadSession session, string file)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            session.AddFileError(file, $"cannot read the file: {e.Message}");
            return;
        }

        session.AddText(text, file);
    }
}
