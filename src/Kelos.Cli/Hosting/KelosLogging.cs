using Kelos.Runtime.Local.State;
using Serilog;
using Serilog.Events;

namespace Kelos.Cli.Hosting;

/// <summary>The log of every <c>kelos</c> host: the console (one line per fault) and a daily file in the state directory.</summary>
public static class KelosLogging
{
    public static Serilog.Core.Logger Create(StateDirectory state, LogEventLevel consoleLevel)
    {
        ArgumentNullException.ThrowIfNull(state);
        var logs = Path.Combine(state.Root, "logs");
        Directory.CreateDirectory(logs);
        return new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("MassTransit", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            // A host that fails to start is reported by the CLI in one line; no stack trace on the console.
            .MinimumLevel.Override("Microsoft.Extensions.Hosting", LogEventLevel.Fatal)
            // /readyz answering 503 is the answer, not an error to log at every probe; MassTransit logs the cause.
            .MinimumLevel.Override("Microsoft.Extensions.Diagnostics.HealthChecks", LogEventLevel.Fatal)
            .Enrich.FromLogContext()
            .WriteTo.Logger(console => console.Filter.ByExcluding(ConsoleFaultSummary.Applies)
                .WriteTo.Console(restrictedToMinimumLevel: consoleLevel, standardErrorFromLevel: LogEventLevel.Verbose))
            .WriteTo.Logger(console => console.Filter.ByIncludingOnly(ConsoleFaultSummary.Applies).Enrich.With<ConsoleFaultSummary>()
                .WriteTo.Console(restrictedToMinimumLevel: consoleLevel, outputTemplate: ConsoleFaultSummary.Template, standardErrorFromLevel: LogEventLevel.Verbose))
            .WriteTo.File(Path.Combine(logs, "kelos-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14)
            .CreateLogger();
    }
}
