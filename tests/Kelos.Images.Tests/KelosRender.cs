using Kelos.Testing;

namespace Kelos.Images.Tests;

/// <summary>
/// The real <c>kelos render job</c>: the apphost in Kelos.Cli's build output (of this test run's configuration),
/// run on the files a test wrote. What it prints is what the controller would submit.
/// </summary>
internal static class KelosRender
{
    private static string Executable { get; } = Path.Combine(
        RepositoryRoot.Find(), "src", "Kelos.Cli", "bin", new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name, "net10.0", "kelos");

    /// <summary>Runs <c>kelos render job ARGS</c> in <paramref name="directory"/> (its own state directory) and returns the YAML.</summary>
    public static async Task<string> JobAsync(string directory, params string[] arguments)
    {
        var result = await CommandRunner.RunAsync(Executable, ["render", "job", .. arguments, "--state-dir", Path.Combine(directory, "state")], directory);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"kelos render job failed: {result}");
        }

        return result.StandardOutput;
    }
}
