using Kelos.Core.Resources;
using Kelos.Core.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kelos.GitHub.Reporting;

/// <summary>
/// At start and then periodically, reports every Task whose report is behind its phase — GitHub was down when it
/// moved, the retries ran out, or Kelos died in between — so no comment stays at "running" for a Task that ended.
/// Tasks that finished more than <see cref="MaxAge"/> ago are left alone.
/// </summary>
public sealed class ReportCatchUp(IResourceStore store, TaskReporter reporter, IOptions<ReporterOptions> options, TimeProvider time, ILogger<ReportCatchUp> logger) : BackgroundService
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);

    /// <summary>One pass: reports each Task that is behind; returns how many it reported.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var reported = 0;
        var now = time.GetUtcNow();
        foreach (var task in store.List<KelosTask>().Where(reporter.IsBehind))
        {
            if (task.Status?.CompletionTime is { } done && now - done > MaxAge)
            {
                continue;
            }

            try
            {
                await reporter.ReportAsync(task.Name, cancellationToken);
                reported++;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning("Could not report Task {TaskName} yet: {Reason}", task.Name, error.Message);
            }
        }

        return reported;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CatchUpInterval, time);
        do
        {
            var reported = await RunOnceAsync(stoppingToken);
            if (reported > 0)
            {
                logger.LogInformation("Caught up on the reports of {Count} Tasks", reported);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
