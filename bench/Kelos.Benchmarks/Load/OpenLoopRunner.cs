using System.Diagnostics;

namespace Kelos.Benchmarks.Load;

/// <summary>
/// Open-loop load: request i is sent at start + i/rate whether or not earlier ones were answered, and its time is
/// measured from that scheduled moment, so a slow server (or a late sender) shows in the times instead of quietly
/// lowering the rate (no coordinated omission).
/// </summary>
internal sealed class OpenLoopRunner(HttpClient client, Uri endpoint)
{
    public async Task<StepResult> RunAsync(int rate, DeliveryBatch batch, CancellationToken cancellationToken)
    {
        var step = new Step(batch.Count);
        var ticksPerRequest = (double)Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        var startedAt = DateTimeOffset.UtcNow;

        // A dedicated thread keeps the schedule: the thread pool serves the answers.
        await Task.Factory.StartNew(
            () => Dispatch(batch, step, start, ticksPerRequest, cancellationToken),
            cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await Task.WhenAll(step.Pending);
        return step.Summarize(rate, TimeSpan.FromSeconds(batch.Count / (double)rate), start) with
        {
            Timeline = new StepTimeline(startedAt, start, step.Scheduled, step.Status),
        };
    }

    private void Dispatch(DeliveryBatch batch, Step step, long start, double ticksPerRequest, CancellationToken cancellationToken)
    {
        for (var next = 0; next < batch.Count && !cancellationToken.IsCancellationRequested;)
        {
            var now = Stopwatch.GetTimestamp();
            for (long due; next < batch.Count && (due = start + (long)(next * ticksPerRequest)) <= now; next++)
            {
                step.Pending[next] = SendAsync(batch, next, due, step, cancellationToken);
            }

            if (next < batch.Count)
            {
                // About a millisecond on Linux: at most that much lateness, and it is counted in the times.
                Thread.Sleep(1);
            }
        }

        for (var i = 0; i < batch.Count; i++)
        {
            step.Pending[i] ??= Task.CompletedTask;
        }
    }

    private async Task SendAsync(DeliveryBatch batch, int index, long scheduled, Step step, CancellationToken cancellationToken)
    {
        try
        {
            using var request = batch.CreateRequest(index, endpoint);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            step.Status[index] = (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            step.Status[index] = Step.NoAnswer;
            Interlocked.CompareExchange(ref step.FirstProblem, e.GetBaseException().Message, null);
        }

        step.Completed[index] = Stopwatch.GetTimestamp();
        step.Scheduled[index] = scheduled;
    }
}
