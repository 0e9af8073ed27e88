using System.Globalization;

namespace Kelos.Core.Loading.Rules;

/// <summary>
/// A basic check of a 5-field cron schedule (minute hour day-of-month month day-of-week): each field is a list of
/// <c>*</c>, values, ranges and steps; months and weekdays may be names (JAN, MON).
/// </summary>
internal static class CronSchedule
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private static readonly CronField[] Fields =
    [
        new("minute", 0, 59, null, 0),
        new("hour", 0, 23, null, 0),
        new("day-of-month", 1, 31, null, 0),
        new("month", 1, 12, MonthNames, 1),
        new("day-of-week", 0, 7, DayNames, 0),
    ];

    /// <summary>Null when the schedule is valid, else what is wrong with it.</summary>
    public static string? Problem(string schedule)
    {
        var parts = schedule.Split(' ', '\t').Where(p => p.Length > 0).ToArray();
        if (parts.Length != Fields.Length)
        {
            return $"cron schedule \"{schedule}\" must have 5 fields (minute hour day-of-month month day-of-week), e.g. \"0 9 * * MON-FRI\"; found {parts.Length}";
        }

        for (var i = 0; i < parts.Length; i++)
        {
            var problem = Fields[i].Problem(parts[i]);
            if (problem is not null)
            {
                return $"cron schedule \"{schedule}\": {Fields[i].Name} field \"{parts[i]}\" {problem}";
            }
        }

        return null;
    }

    private sealed record CronField(string Name, int Min, int Max, string[]? Names, int NameBase)
    {
        public string? Problem(string field)
        {
            foreach (var item in field.Split(','))
            {
                var problem = ItemProblem(item);
                if (problem is not null)
                {
                    return problem;
                }
            }

            return null;
        }

        private string? ItemProblem(string item)
        {
            var slash = item.IndexOf('/', StringComparison.Ordinal);
            var range = slash < 0 ? item : item[..slash];
            if (slash >= 0 && (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step < 1))
            {
                return $"has an invalid step \"{item[(slash + 1)..]}\" (a whole number of at least 1)";
            }

            if (range is "*" or "?")
            {
                return null;
            }

            var dash = range.IndexOf('-', StringComparison.Ordinal);
            var first = Value(dash < 0 ? range : range[..dash]);
            var last = dash < 0 ? first : Value(range[(dash + 1)..]);
            if (first is null || last is null)
            {
                return $"is not valid: use numbers {Min}-{Max}{(Names is null ? "" : $" or names {Names[0]}-{Names[^1]}")}, *, ranges (a-b), steps (*/n) and lists (a,b)";
            }

            return first > last ? $"has a range that ends before it starts ({range})" : null;
        }

        private int? Value(string text)
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return number >= Min && number <= Max ? number : null;
            }

            var index = Names is null ? -1 : Array.FindIndex(Names, n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
            return index < 0 ? null : index + NameBase;
        }
    }
}
