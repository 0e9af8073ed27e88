using Kelos.Controller.Configuration;
using Kelos.Controller.Consumers;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Kelos.Controller;

/// <summary>Wiring for the controller role.</summary>
public static class ControllerServiceCollectionExtensions
{
    /// <summary>The reconcile loop and the status writer. The store, runtime and lease come from the mode.</summary>
    public static IServiceCollection AddKelosController(this IServiceCollection services, Action<ControllerOptions>? configure = null)
    {
        services.AddOptions<ControllerOptions>().Configure(o => configure?.Invoke(o)).Validate(o => o.MaxParallel > 0, "MaxParallel must be at least 1").ValidateOnStart();
        services.AddSingleton<TaskStatusWriter>();
        services.AddHostedService<TaskController>();
        return services;
    }

    /// <summary>Keeps a directory of configuration YAML applied (<c>KELOS_CONFIG_DIR</c>).</summary>
    public static IServiceCollection AddConfigDirectory(this IServiceCollection services, string path)
    {
        services.AddOptions<ConfigDirectoryOptions>().Configure(o => o.Path = path)
            .Validate(o => Directory.Exists(o.Path), $"the configuration directory {path} does not exist").ValidateOnStart();
        services.AddHostedService<ConfigDirectorySync>();
        return services;
    }

    /// <summary>The controller's consumers, for the bus configuration of the mode.</summary>
    public static void AddControllerConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<LaunchTaskConsumer>();
        bus.AddConsumer<CancelTaskConsumer>();
        bus.AddConsumer<TaskEventLogConsumer>();
    }
}
