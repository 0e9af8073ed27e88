using Kelos.GitHub.Api;
using RabbitMQ.Client.Exceptions;

namespace Kelos.Cli.Hosting.Bus;

/// <summary>
/// The faults a consumer may meet that go away by themselves: the network, a timeout, the broker connection, GitHub
/// in trouble. Only these are redelivered later; any other exception is a poison message and goes to the
/// <c>_error</c> queue after the immediate retries, since the same message would fail the same way again.
/// </summary>
public static class TransientFaults
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        HttpRequestException or TimeoutException or IOException or OperationCanceledException => true,
        MassTransit.ConnectionException or MassTransit.TransportException or MassTransit.TransportUnavailableException => true,
        OperationInterruptedException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsTransient),
        _ => GitHubFaults.IsTransient(exception) || (exception.InnerException is { } inner && IsTransient(inner)),
    };
}
