namespace Kelos.Benchmarks.Load;

/// <summary>
/// One fixed-rate step. Times are from each request's scheduled send time to its complete answer, in
/// milliseconds, over the requests that got an answer (any status); requests with no answer are errors. Accepted
/// counts the 202s among the 2xx: a 200 from Kelos means a duplicate, which a sweep should never cause.
/// </summary>
internal sealed record StepResult(
    int Rate,
    TimeSpan Duration,
    int Sent,
    int Success,
    int Accepted,
    int Failure,
    int Errors,
    double AchievedPerSecond,
    double P50,
    double P90,
    double P99,
    double Max,
    string? FirstProblem)
{
    /// <summary>CPU the server process used during the step, in % of one core (200% is both cores of a 2-core machine).</summary>
    public double? ServerCpuPercent { get; init; }

    /// <summary>CPU the RabbitMQ broker used during the step, in % of one core, when it is known (scripts/rabbitmq.sh).</summary>
    public double? BrokerCpuPercent { get; init; }

    /// <summary>CPU this sender used during the step, in % of one core.</summary>
    public double? SenderCpuPercent { get; init; }

    /// <summary>When each delivery was due and what it was answered, for figures measured after the step.</summary>
    public StepTimeline? Timeline { get; init; }

    /// <summary>From each accepted delivery to its Task, when the step measured that.</summary>
    public TaskLatency? Tasks { get; init; }

    /// <summary>Server, broker and sender together: how much of the machine the benchmark took (2 cores: 200%).</summary>
    public double? TotalCpuPercent => SenderCpuPercent + (ServerCpuPercent ?? 0) + (BrokerCpuPercent ?? 0);

    public double SuccessShare => Sent == 0 ? 0 : (double)Success / Sent;

    /// <summary>Sustained: at least 99% of the deliveries got a 2xx, and the p99 is within the bound.</summary>
    public bool IsSustained(double p99BoundMs) => Sent > 0 && SuccessShare >= 0.99 && P99 <= p99BoundMs;
}
