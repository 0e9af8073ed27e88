using System.ComponentModel;
using System.Diagnostics;

namespace Kelos.Cli.Commands;

/// <summary>Opens a URL in the desktop's browser, when there is one (<c>xdg-open</c>).</summary>
public static class BrowserLauncher
{
    /// <summary>True when a browser was asked to open <paramref name="url"/>; false on a machine without one.</summary>
    public static bool TryOpen(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY")))
        {
            return false;
        }

        try
        {
            var info = new ProcessStartInfo("xdg-open") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add(url.ToString());
            using var process = Process.Start(info);
            return process is not null;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }
}
