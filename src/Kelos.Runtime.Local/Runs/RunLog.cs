using System.Globalization;
using Kelos.Core.Text;

namespace Kelos.Runtime.Local.Runs;

/// <summary>
/// Kelos's own account of a run (<c>kelos.log</c>): each step, and the stderr of git, the setup command and the
/// agent. Every secret value the run handles is registered first and masked in everything written here.
/// </summary>
public sealed class RunLog : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly TimeProvider _time;
    private readonly SecretMask _mask = new();
    private readonly Queue<string> _tail = new();
    private readonly Lock _gate = new();

    public RunLog(string path, TimeProvider time)
    {
        _time = time;
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
    }

    /// <summary>Never write this value: masked wherever it appears (see <see cref="SecretMask"/>).</summary>
    public void AddSecret(string? value) => _mask.Add(value);

    public string Redact(string text) => _mask.Apply(text);

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
