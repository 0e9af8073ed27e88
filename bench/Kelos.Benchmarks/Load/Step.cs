using System.Diagnostics;

namespace Kelos.Benchmarks.Load;

/// <summary>What one step records per request: when it was due, when it was answered, and with what status.</summary>
internal sealed class Step(int count)
{
    public const int NoAnswer = -1;
    public const int NotSent = 0;

    public Task[] Pending { get; } = new Task[count];
    public int[] Status { get; } = new int[count];
    public long[] Scheduled { get; } = new long[count];
    public long[] Completed { get; } = new long[count];

    /// <summary>The first transport error, to say why requests got no answer.</summary>
#pragma warning disable CA1051 // a field, for Interlocked
    public string? FirstProblem;
#pragma warning restore CA1051

    public StepResult Summarize(int rate, TimeSpan duration, long start)
    {
        int sent = 0, success = 0, accepted = 0, failure = 0, errors = 0;
        var times = new List<double>(count);
        var last = start;
        string? firstFailure = null;
        for (var i = 0; i < count; i++)
        {
            var status = Status[i];
            if (status == NotSent)
            {
                continue;
            }

            sent++;
            if (status == NoAnswer)
            {
                errors++;
                continue;
            }

            if (status is >= 200 and < 300)
            {
                success++;
                accepted += status == 202 ? 1 : 0;
            }
            else
            {
                failure++;
                firstFailure ??= $"HTTP {status}";
            }

            times.Add(Stopwatch.GetElapsedTime(Scheduled[i], Completed[i]).TotalMilliseconds);
            last = Math.Max(last, Completed[i]);
        }

        var sorted = times.ToArray();
        Array.Sort(sorted);
        var elapsed = Stopwatch.GetElapsedTime(start, last).TotalSeconds;
        return new StepResult(rate, duration, sent, success, accepted, failure, errors, elapsed > 0 ? (success + failure) / elapsed : 0,
            Percentiles.Of(sorted, 50), Percentiles.Of(sorted, 90), Percentiles.Of(sorted, 99), sorted.Length > 0 ? sorted[^1] : double.NaN,
            FirstProblem ?? firstFailure);
    }
}
