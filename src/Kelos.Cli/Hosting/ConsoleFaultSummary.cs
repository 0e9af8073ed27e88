using Kelos.Cli.Hosting.Bus;
using Serilog.Core;
using Serilog.Events;

namespace Kelos.Cli.Hosting;

/// <summary>
/// On the console, a MassTransit warning or error caused by a transient fault (the broker gone, GitHub failing for a
/// moment) is one line, with the exception's message and no stack trace: an outage would otherwise print a screenful
/// at every reconnect attempt and every retry. The log file keeps the whole exception.
/// </summary>
internal sealed class ConsoleFaultSummary : ILogEventEnricher
{
    public const string Template = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} ({Fault}){NewLine}";

    public static bool Applies(LogEvent logEvent) =>
        logEvent.Exception is { } exception
        && logEvent.Properties.TryGetValue("SourceContext", out var source)
        && source.ToString().StartsWith("\"MassTransit", StringComparison.Ordinal)
        && TransientFaults.IsTransient(exception);

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        var exception = logEvent.Exception!;
        var innermost = exception;
        while (innermost.InnerException is { } inner)
        {
            innermost = inner;
        }

        var fault = innermost == exception ? $"{exception.GetType().Name}: {exception.Message}"
            : $"{exception.GetType().Name}: {exception.Message.Split('\n')[0]}; {innermost.GetType().Name}: {innermost.Message.Split('\n')[0]}";
        logEvent.AddOrUpdateProperty(propertyFactory.CreateProperty("Fault", fault));
    }
}
