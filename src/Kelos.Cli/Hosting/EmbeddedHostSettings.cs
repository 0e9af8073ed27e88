using Kelos.Runtime.Local.State;
using Serilog.Events;

namespace Kelos.Cli.Hosting;

/// <summary>What an embedded host is for: <c>kelos serve</c> (every role, until stopped) or one <c>kelos run</c>.</summary>
/// <param name="Role"><see cref="FileControllerLease.ServeRole"/> or <see cref="FileControllerLease.RunRole"/>.</param>
/// <param name="OnlyTask">For <c>kelos run</c>: the Task (and its dependencies) this host acts on.</param>
/// <param name="ConfigDirectory">YAML kept applied (<c>KELOS_CONFIG_DIR</c>), or null.</param>
/// <param name="Urls">Where <c>kelos serve</c> listens when it is a GitHub App front end; null for none.</param>
/// <param name="RabbitMqUrl"><c>KELOS_RABBITMQ_URL</c>: the bus is RabbitMQ there; null for the in-memory bus.</param>
public sealed record EmbeddedHostSettings(
    StateDirectory State,
    string Role,
    int MaxParallel,
    LogEventLevel ConsoleLevel,
    string? OnlyTask = null,
    string? ConfigDirectory = null,
    string? Urls = null,
    Uri? RabbitMqUrl = null);
