using MassTransit.Monitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace Kelos.Cli.Hosting;

/// <summary>
/// <c>GET /metrics</c> in the Prometheus text format, beside the webhook endpoint: MassTransit's meter (messages
/// received, consumed, faulted, retried, and how long consumers take, per queue, consumer and message type) and
/// ASP.NET Core's (requests and their duration, so the webhook's answers are visible too). docs/messaging.md names
/// the series.
/// </summary>
public static class KelosMetrics
{
    public const string Path = "/metrics";

    public static IServiceCollection AddKelosMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(InstrumentationOptions.MeterName, "Microsoft.AspNetCore.Hosting")
            .AddPrometheusExporter());
        return services;
    }

    public static IEndpointRouteBuilder MapKelosMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPrometheusScrapingEndpoint(Path);
        return endpoints;
    }
}
