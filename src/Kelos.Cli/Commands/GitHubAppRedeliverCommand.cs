using System.CommandLine;
using System.Globalization;
using Kelos.Cli.Output;
using Kelos.Core.Text;
using Kelos.GitHub;
using Kelos.GitHub.Api;
using Microsoft.Extensions.DependencyInjection;
using Octokit;

namespace Kelos.Cli.Commands;

/// <summary>
/// <c>kelos github-app redeliver [--since 2h] [--dry-run]</c>: the recovery step after an outage. GitHub never retries a
/// failed delivery by itself; this lists the App's deliveries of the period through the API and redelivers each one
/// that never got a 2xx (Kelos answered 503, or nothing), once. Deliveries that succeeded on a later attempt are left
/// alone, and Kelos takes a delivery it already accepted as a duplicate, so running it twice does no harm. Uses the
/// App's credentials, as <c>kelos serve</c> does: <c>KELOS_GITHUB_APP_ID</c>, <c>KELOS_GITHUB_PRIVATE_KEY_FILE</c>,
/// <c>KELOS_GITHUB_API_URL</c>.
/// </summary>
public static class GitHubAppRedeliverCommand
{
    public static Command Create(CliConsole console)
    {
        var since = new Option<string>("--since")
        {
            Description = "How far back to look: 30m, 2h, 1d (GitHub keeps deliveries for 3 days)",
            DefaultValueFactory = _ => "2h",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "List the failed deliveries without redelivering them" };
        var command = new Command("redeliver", "Redeliver the App's webhook deliveries that failed (never answered 2xx), e.g. after the broker was down")
        {
            since,
            dryRun,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var window = TimeSpan.FromSeconds(DurationText.ParseSeconds(parse.GetValue(since)!, "--since"));
            var services = new ServiceCollection().AddLogging();
            services.AddKelosGitHubApp();
            services.AddSingleton<HookDeliveries>();
            await using var provider = services.BuildServiceProvider();
            var deliveries = provider.GetRequiredService<HookDeliveries>();
            var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
            return await RunAsync(console, deliveries, now, now - window, parse.GetValue(dryRun), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, HookDeliveries deliveries, DateTimeOffset now, DateTimeOffset from, bool dryRun, CancellationToken cancellationToken)
    {
        IReadOnlyList<HookDelivery> attempts;
        try
        {
            attempts = await deliveries.ListSinceAsync(from, cancellationToken);
        }
        catch (Exception e) when (e is ApiException or HttpRequestException)
        {
            throw new CliException($"could not list the App's deliveries: {e.Message}");
        }

        var failed = HookDeliveries.Failed(attempts);
        var period = string.Create(CultureInfo.InvariantCulture, $"since {from.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        var delivered = attempts.Select(a => a.DeliveryId).Distinct(StringComparer.Ordinal).Count();
        if (failed.Count == 0)
        {
            await console.Out.WriteLineAsync($"No failed deliveries {period} ({delivered} deliveries, all answered 2xx).");
            return 0;
        }

        var table = new Table("DELIVERY", "EVENT", "LAST ATTEMPT", "ANSWER", "RESULT");
        var errors = 0;
        foreach (var attempt in failed)
        {
            var result = dryRun ? "would redeliver" : "redelivered";
            if (!dryRun)
            {
                try
                {
                    await deliveries.RedeliverAsync(attempt.Id, cancellationToken);
                }
                catch (Exception e) when (e is ApiException or HttpRequestException)
                {
                    errors++;
                    result = "not redelivered: " + e.Message;
                }
            }

            table.Add(attempt.DeliveryId, attempt.Action is null ? attempt.Event : $"{attempt.Event}.{attempt.Action}",
                Age.Format(now - attempt.DeliveredAt) + " ago", attempt.StatusCode == 0 ? "no answer" : attempt.StatusCode.ToString(CultureInfo.InvariantCulture), result);
        }

        table.Write(console.Out);
        var done = failed.Count - errors;
        await console.Out.WriteLineAsync(dryRun
            ? $"{failed.Count} of {delivered} deliveries {period} failed; none redelivered (--dry-run)."
            : $"Redelivered {done} of the {failed.Count} failed deliveries {period} ({delivered} deliveries in all).");
        return errors == 0 ? 0 : 1;
    }
}
