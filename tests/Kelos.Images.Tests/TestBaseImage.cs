using Kelos.Testing;

namespace Kelos.Images.Tests;

/// <summary>
/// A Debian bookworm base image built without a registry (none is reachable here): <c>debootstrap
/// --variant=minbase --include=git,tini,ca-certificates</c> into a directory, then <c>podman import</c>. It stands in
/// for <c>node:20-bookworm-slim</c> under <see cref="TestImages"/>, which add this machine's <c>node</c> and npm.
/// Built once and kept as <see cref="Name"/> (about 40 s on two busy cores); later runs reuse it.
/// </summary>
internal static class TestBaseImage
{
    public const string Name = "localhost/kelos-test-base:bookworm";

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task EnsureAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if ((await Podman.RunAsync(["image", "exists", Name], Path.GetTempPath())).ExitCode == 0)
            {
                return;
            }

            var root = Directory.CreateTempSubdirectory("kelos-debootstrap-").FullName;
            try
            {
                var bootstrap = await CommandRunner.RunAsync(
                    "debootstrap",
                    ["--variant=minbase", "--include=git,tini,ca-certificates", "bookworm", root],
                    Path.GetTempPath(),
                    timeout: TimeSpan.FromMinutes(10));
                if (bootstrap.ExitCode != 0)
                {
                    throw new InvalidOperationException($"debootstrap (package debootstrap, run as root) could not build the test base image: {bootstrap}");
                }

                var import = await CommandRunner.RunAsync(
                    "bash",
                    ["-c", "tar -C \"$0\" -c . | podman import - \"$1\"", root, Name],
                    Path.GetTempPath(),
                    new Dictionary<string, string?> { ["CONTAINERS_CONF"] = Podman.ConfigFile },
                    TimeSpan.FromMinutes(5));
                if (import.ExitCode != 0)
                {
                    throw new InvalidOperationException($"podman import of the test base image failed: {import}");
                }
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }
        finally
        {
            Gate.Release();
        }
    }
}
