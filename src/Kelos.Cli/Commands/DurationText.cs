using System.Globalization;

namespace Kelos.Cli.Commands;

/// <summary>Durations as people type them: <c>600</c>, <c>90s</c>, <c>10m</c>, <c>1h</c>, <c>1h30m</c>.</summary>
public static class DurationText
{
    /// <param name="text">What was typed.</param>
    /// <param name="what">The flag or variable it came from, for the error message.</param>
    public static long ParseSeconds(string text, string what = "--timeout")
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var plain) && plain > 0)
        {
            return plain;
        }

        long total = 0;
        var number = 0L;
        var sawDigit = false;
        foreach (var c in text.Trim())
        {
            if (char.IsAsciiDigit(c))
            {
                number = checked((number * 10) + (c - '0'));
                sawDigit = true;
                continue;
            }

            var unit = c switch { 's' => 1, 'm' => 60, 'h' => 3600, 'd' => 86400, _ => 0 };
            if (unit == 0 || !sawDigit)
            {
                throw new CliException($"{what} \"{text}\" is not a duration; use seconds (600) or units (90s, 10m, 1h30m)");
            }

            total += number * unit;
            number = 0;
            sawDigit = false;
        }

        if (sawDigit || total <= 0)
        {
            throw new CliException($"{what} \"{text}\" is not a duration; use seconds (600) or units (90s, 10m, 1h30m)");
        }

        return total;
    }
}
