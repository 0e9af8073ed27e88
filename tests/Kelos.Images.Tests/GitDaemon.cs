using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Kelos.Testing;

namespace Kelos.Images.Tests;

/// <summary>
/// <c>git daemon</c> on a loopback port serving a <see cref="BareRemote"/> over <c>git://</c>, pushes allowed: the
/// Workspace's remote as a pod on the host network reaches it, with no change to the clone the Job describes.
/// </summary>
internal sealed class GitDaemon : IAsyncDisposable
{
    private readonly Process _process;

    private GitDaemon(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>The remote's clone URL, e.g. <c>git://127.0.0.1:40123/remote.git</c>.</summary>
    public string Url { get; }

    public static async Task<GitDaemon> StartAsync(BareRemote remote)
    {
        var port = FreePort();
        var root = Path.GetDirectoryName(remote.Path)!;
        var info = new ProcessStartInfo("git")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "daemon", "--reuseaddr", "--export-all", "--enable=receive-pack", $"--base-path={root}", "--listen=127.0.0.1", $"--port={port}", root })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var daemon = new GitDaemon(process, $"git://127.0.0.1:{port}/{Path.GetFileName(remote.Path)}");
        for (var attempt = 0; ; attempt++)
        {
            var probe = await CommandRunner.RunAsync("git", ["ls-remote", daemon.Url], root, timeout: TimeSpan.FromSeconds(10));
            if (probe.ExitCode == 0)
            {
                return daemon;
            }

            if (attempt == 50 || process.HasExited)
            {
                await daemon.DisposeAsync();
                throw new InvalidOperationException($"git daemon did not serve {daemon.Url}: {probe}");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
