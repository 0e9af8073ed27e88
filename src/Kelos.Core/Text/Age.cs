using System.Globalization;

namespace Kelos.Core.Text;

/// <summary>Short durations the way kubectl prints them: 45s, 3m12s, 2h5m, 4d.</summary>
public static class Age
{
    public static string Format(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span.TotalSeconds < 60 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0}s")
            : span.TotalMinutes < 60 ? string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}m{span.Seconds}s")
            : span.TotalHours < 24 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h{span.Minutes}m")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d");
    }

    public static string Since(DateTime? time) => time is null ? "" : Format(DateTime.UtcNow - time.Value.ToUniversalTime());
}
