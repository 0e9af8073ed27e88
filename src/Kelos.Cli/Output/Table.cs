namespace Kelos.Cli.Output;

/// <summary>A plain-text table like kubectl's: upper-case headers, columns padded to their widest cell.</summary>
public sealed class Table(params string[] headers)
{
    private const int MaxCell = 60;
    private readonly List<string[]> _rows = [];

    public void Add(params string?[] cells) => _rows.Add([.. cells.Select(Clip)]);

    public void Write(TextWriter output)
    {
        if (_rows.Count == 0)
        {
            output.WriteLine("No resources found.");
            return;
        }

        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(Line(headers, widths));
        foreach (var row in _rows)
        {
            output.WriteLine(Line(row, widths));
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("   ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd();

    private static string Clip(string? cell)
    {
        var text = (cell ?? "").Split('\n')[0];
        return text.Length <= MaxCell ? text : text[..(MaxCell - 1)] + "…";
    }
}
