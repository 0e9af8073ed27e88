using Kelos.Core.Loading;
using Kelos.Core.Resources;

namespace Kelos.Cli;

/// <summary>
/// Loads YAML for the CLI: every error printed as <c>file:line:col: path: message</c>, nothing returned when
/// any file has an error. In embedded mode a Task's <c>image</c> and a Workspace's <c>repo</c> written as
/// <c>./x</c> or <c>../x</c> are taken relative to the file, and stored as absolute paths.
/// </summary>
public static class ResourceFiles
{
    public static IReadOnlyList<KelosResource> Load(string path, CliConsole console, string consequence = "nothing was applied") =>
        LoadWithFiles(path, console, consequence).Select(r => r.Resource).ToList();

    /// <summary>Like <see cref="Load"/>, keeping the file and line each resource came from (for later errors).</summary>
    public static IReadOnlyList<LoadedResource> LoadWithFiles(string path, CliConsole console, string consequence)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new CliException($"{path}: no such file or directory");
        }

        var result = ResourceLoader.LoadPath(path);
        if (!result.Ok)
        {
            foreach (var error in result.Errors)
            {
                console.Error.WriteLine(error.ToString());
            }

            var files = result.Errors.Select(e => e.File).Distinct().Count();
            throw new CliException($"{result.Errors.Count} error(s) in {files} file(s); {consequence}");
        }

        foreach (var loaded in result.Resources)
        {
            ResolveRelativePaths(loaded.Resource, Path.GetDirectoryName(Path.GetFullPath(loaded.File))!);
        }

        return result.Resources;
    }

    private static void ResolveRelativePaths(KelosResource resource, string baseDir)
    {
        switch (resource)
        {
            case KelosTask task when IsRelative(task.Spec.Image):
                task.Spec.Image = Path.GetFullPath(Path.Combine(baseDir, task.Spec.Image!));
                break;
            case Workspace workspace when IsRelative(workspace.Spec.Repo):
                workspace.Spec.Repo = Path.GetFullPath(Path.Combine(baseDir, workspace.Spec.Repo));
                break;
        }
    }

    private static bool IsRelative(string? path) =>
        path is not null && (path.StartsWith("./", StringComparison.Ordinal) || path.StartsWith("../", StringComparison.Ordinal));
}
