using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kelos.GitHub.Webhooks;

/// <summary>The probes every <c>kelos serve</c> role answers, so one Deployment shape fits them all.</summary>
public static class HealthEndpointRouteBuilderExtensions
{
    /// <summary>The tag of the health checks <c>/readyz</c> runs; MassTransit tags its bus check with it.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// <c>GET /healthz</c> (200 while the process runs) and <c>GET /readyz</c> (200 when every check tagged
    /// <c>ready</c>, the MassTransit bus among them, is healthy; 503 otherwise). Needs <c>AddHealthChecks()</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapKelosHealth(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        return endpoints;
    }
}
