using System.Globalization;

namespace Kelos.Runtime.Local.Runs;

/// <summary>
/// Kelos's own account of a run (<c>kelos.log</c>): each step, and the stderr of git, the setup command and the
/// agent. Every secret value the run handles is registered first and masked in everything written here.
/// </summary>
public sealed class RunLog : IDisposable
{
    private const string Mask = "***";
    private readonly StreamWriter _writer;
    private readonly TimeProvider _time;
    private readonly List<string> _secrets = [];
    private readonly Queue<string> _tail = new();
    private readonly Lock _gate = new();

    public RunLog(string path, TimeProvider time)
    {
        _time = time;
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
    }

    /// <summary>
    /// Never write this value: mask it wherever it appears — as it is, JSON-escaped (agents print stream JSON),
    /// and each line of a multi-line value (logs are written line by line).
    /// </summary>
    public void AddSecret(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var escaped = System.Text.Json.JsonSerializer.Serialize(value)[1..^1];
        var forms = new[] { value, escaped }.Concat(value.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        lock (_gate)
        {
            foreach (var form in forms.Where(f => f.Length >= 8 || f == value.Trim()).Distinct())
            {
                if (form.Length >= 4 && !_secrets.Contains(form))
                {
                    _secrets.Add(form);
                }
            }

            _secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
        }
    }

    public string Redact(string text)
    {
        lock (_gate)
        {
            foreach (var secret in _secrets)
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }

            return text;
        }
    }

    public void Step(string text) => Write("step", text);

    public void Warn(string text) => Write("warn", text);

    public void Output(string source, string line) => Write(source, line);

    /// <summary>The last lines written, for a failure message.</summary>
    public IReadOnlyList<string> Tail()
    {
        lock (_gate)
        {
            return [.. _tail];
        }
    }

    private void Write(string source, string text)
    {
        var clean = Redact(text);
        var line = string.Create(CultureInfo.InvariantCulture, $"{_time.GetUtcNow():yyyy-MM-ddTHH:mm:ss.fffZ} [{source}] {clean}");
        lock (_gate)
        {
            _writer.WriteLine(line);
            _tail.Enqueue($"[{source}] {clean}");
            while (_tail.Count > 20)
            {
                _tail.Dequeue();
            }
        }
    }

    public void Dispose() => _writer.Dispose();
}
