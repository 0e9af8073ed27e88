using System.Globalization;
using Kelos.Cli.Commands;

namespace Kelos.Cli.Hosting.Bus;

/// <summary>
/// How the bus treats its consumers, the same on RabbitMQ and in memory: how many messages each consumer handles at
/// once, the quick retries inside the process, and the delayed redeliveries through the broker for transient faults.
/// </summary>
public sealed record KelosBusOptions
{
    /// <summary>The variable that sets <see cref="ConcurrentMessageLimit"/>.</summary>
    public const string ConcurrencyVariable = "KELOS_BUS_CONCURRENCY";

    /// <summary>The variable that sets <see cref="RedeliveryDelays"/>: durations, comma-separated (<c>15s,1m,4m,16m</c>).</summary>
    public const string RedeliveryVariable = "KELOS_BUS_REDELIVERY";

    /// <summary>The default of <see cref="ConcurrentMessageLimit"/>.</summary>
    public const int DefaultConcurrentMessageLimit = 16;

    /// <summary>
    /// At most this many messages are handled at once by each consumer (each queue), and no more are taken from the
    /// broker (the prefetch): a burst of webhooks waits in RabbitMQ, not in Kelos's memory or at GitHub's rate limit.
    /// </summary>
    public int ConcurrentMessageLimit { get; init; } = DefaultConcurrentMessageLimit;

    /// <summary>Tries again at once, in the process, after any exception: 3.</summary>
    public int ImmediateRetries { get; init; } = 3;

    /// <summary>
    /// After the immediate retries, a transient fault (GitHub or the network failing, a timeout) sends the message
    /// back through the broker after each of these delays in turn (15 s, 1 min, 4 min, 16 min: exponential, about 21
    /// minutes in all); then it goes to its <c>_error</c> queue. Any other exception goes there at once. Set with
    /// <c>KELOS_BUS_REDELIVERY</c>.
    /// </summary>
    public IReadOnlyList<TimeSpan> RedeliveryDelays { get; init; } =
        [TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(16)];

    /// <summary>The defaults with <c>KELOS_BUS_CONCURRENCY</c> and <c>KELOS_BUS_REDELIVERY</c> applied, when set.</summary>
    /// <exception cref="CliException">A variable that does not parse; the message names it.</exception>
    public static KelosBusOptions FromEnvironment()
    {
        var options = new KelosBusOptions();
        var concurrency = Environment.GetEnvironmentVariable(ConcurrencyVariable);
        if (!string.IsNullOrWhiteSpace(concurrency))
        {
            options = int.TryParse(concurrency, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= 1000
                ? options with { ConcurrentMessageLimit = limit }
                : throw new CliException($"{ConcurrencyVariable} must be a whole number from 1 to 1000, the messages each consumer handles at once (it is '{concurrency}')");
        }

        var redelivery = Environment.GetEnvironmentVariable(RedeliveryVariable);
        if (!string.IsNullOrWhiteSpace(redelivery))
        {
            options = options with
            {
                RedeliveryDelays = [.. redelivery.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(d => TimeSpan.FromSeconds(DurationText.ParseSeconds(d, RedeliveryVariable)))],
            };
        }

        return options;
    }
}
