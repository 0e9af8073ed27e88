using Kelos.Runtime.Kubernetes;
using Kelos.Runtime.Local.State;

namespace Kelos.Cli.Hosting;

/// <summary>What a <c>kelos serve --role …</c> process is for, and where it finds its cluster.</summary>
/// <param name="State">Where the webhook keeps its delivery ledger and every role its log file.</param>
/// <param name="Roles">The roles this process plays.</param>
/// <param name="Cluster">The API server, namespace and images; null for a process that needs none (the webhook).</param>
/// <param name="MaxParallel">Tasks that may run at once (the controller).</param>
/// <param name="Urls">Where the probes (and the webhook endpoint) listen.</param>
/// <param name="RabbitMqUrl">The broker; null for the in-memory bus (only sensible when one process plays every role).</param>
public sealed record RoleHostSettings(
    StateDirectory State,
    ServeRoles Roles,
    KubernetesClusterOptions? Cluster,
    int MaxParallel,
    string Urls,
    Uri? RabbitMqUrl);
