using System.Diagnostics;

namespace Kelos.Benchmarks.Load;

/// <summary>A step's schedule on the wall clock: each delivery's due time and its answer (<see cref="Step.Status"/>).</summary>
internal sealed record StepTimeline(DateTimeOffset StartedAt, long StartTimestamp, long[] Scheduled, int[] Status)
{
    /// <summary>When delivery <paramref name="index"/> was due, on the wall clock (what file and Task timestamps use).</summary>
    public DateTimeOffset DueAt(int index) => StartedAt + Stopwatch.GetElapsedTime(StartTimestamp, Scheduled[index]);

    public bool Accepted(int index) => Status[index] is >= 200 and < 300;
}
