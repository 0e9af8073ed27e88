using Kelos.Testing;

namespace Kelos.Images.Tests;

/// <summary>
/// Runs podman as this machine needs it: runc (crun fails on this host's cgroup setup) and bounded ulimits, through
/// a <c>containers.conf</c> that <c>CONTAINERS_CONF</c> points at.
/// </summary>
internal static class Podman
{
    private static readonly Lazy<string?> Unavailable = new(Probe);

    public static bool Required => Environment.GetEnvironmentVariable("KELOS_REQUIRE_PODMAN") == "1";

    public static string ConfigFile { get; } = WriteConfig();

    /// <summary>Why podman cannot be used here, or null when <c>podman info</c> answers.</summary>
    public static string? UnavailableReason() => Unavailable.Value;

    public static async Task<CommandResult> RunAsync(IEnumerable<string> arguments, string workingDirectory, TimeSpan? timeout = null) =>
        await CommandRunner.RunAsync("podman", arguments, workingDirectory, new Dictionary<string, string?> { ["CONTAINERS_CONF"] = ConfigFile }, timeout ?? TimeSpan.FromMinutes(3));

    /// <summary>Runs podman and throws with its output when it fails.</summary>
    public static async Task<string> CheckedAsync(IEnumerable<string> arguments, string workingDirectory, TimeSpan? timeout = null)
    {
        var list = arguments.ToList();
        var result = await RunAsync(list, workingDirectory, timeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"podman {string.Join(' ', list)} failed: {result}");
        }

        return result.StandardOutput;
    }

    private static string? Probe()
    {
        if (!Environment.GetEnvironmentVariable("PATH")!.Split(':').Any(directory => File.Exists(Path.Combine(directory, "podman"))))
        {
            return "podman is not installed";
        }

        var info = RunAsync(["info", "--format", "{{.Host.OCIRuntime.Name}}"], Path.GetTempPath(), TimeSpan.FromMinutes(1)).GetAwaiter().GetResult();
        return info.ExitCode == 0 ? null : $"podman info failed: {info.StandardError.Trim()}";
    }

    private static string WriteConfig()
    {
        var path = Path.Combine(Path.GetTempPath(), "kelos-podman-containers.conf");
        File.WriteAllText(path, """
            [engine]
            runtime = "runc"

            [containers]
            default_ulimits = ["nofile=1024:1024", "nproc=4096:4096"]

            """);
        return path;
    }
}
