using System.Globalization;
using System.Text;

namespace Kelos.Controller.Configuration;

/// <summary>What the configuration directory looks like now: its files' paths, sizes and write times.</summary>
public static class ConfigFingerprint
{
    public static string Of(string dir)
    {
        if (!Directory.Exists(dir))
        {
            return "missing";
        }

        var text = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(file);
            text.Append(CultureInfo.InvariantCulture, $"{file}|{info.Length}|{info.LastWriteTimeUtc.Ticks}\n");
        }

        return text.ToString();
    }
}
