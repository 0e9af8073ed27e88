using Kelos.Controller;
using Kelos.Core.Runtime;
using Kelos.Core.Store;
using Kelos.Runtime.Local;
using Kelos.Runtime.Local.Sandbox;
using Kelos.Runtime.Local.State;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;

namespace Kelos.Cli.Hosting;

/// <summary>
/// Embedded mode in one process: the state directory as the store, local processes as the runtime, the
/// MassTransit in-memory bus, and the controller. <c>kelos serve</c> runs it until stopped; <c>kelos run</c>
/// runs it while its Task is unfinished.
/// </summary>
public static class EmbeddedHost
{
    public static IHost Build(EmbeddedHostSettings settings)
    {
        var state = settings.State;
        state.EnsureCreated();
        var logs = Path.Combine(state.Root, "logs");
        Directory.CreateDirectory(logs);
        var logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("MassTransit", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(restrictedToMinimumLevel: settings.ConsoleLevel, standardErrorFromLevel: LogEventLevel.Verbose)
            .WriteTo.File(Path.Combine(logs, "kelos-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14)
            .CreateLogger();

        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSerilog(logger, dispose: true);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton<IResourceStore, FileResourceStore>();
        builder.Services.AddSingleton<ITaskRuntime>(sp => new LocalTaskRuntime(
            state, sp.GetRequiredService<TimeProvider>(), Bubblewrap.Detect(), sp.GetRequiredService<ILogger<LocalTaskRuntime>>()));
        builder.Services.AddSingleton<IControllerLease>(new FileControllerLease(state, settings.Role));
        builder.Services.AddKelosController(o =>
        {
            o.MaxParallel = settings.MaxParallel;
            o.OnlyTask = settings.OnlyTask;
        });
        if (settings.ConfigDirectory is not null)
        {
            builder.Services.AddConfigDirectory(settings.ConfigDirectory);
        }

        builder.Services.AddMassTransit(bus =>
        {
            bus.AddControllerConsumers();
            bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
        });
        return builder.Build();
    }
}
