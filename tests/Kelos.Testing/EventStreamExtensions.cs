using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Kelos.Testing;

/// <summary>Writes server-sent events (<c>event:</c>/<c>data:</c> lines), flushing each so clients see them at once.</summary>
internal static class EventStreamExtensions
{
    public static void StartEventStream(this HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
    }

    public static async Task WriteEventAsync(this HttpResponse response, string? name, object data, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(data);
        var frame = name is null ? $"data: {json}\n\n" : $"event: {name}\ndata: {json}\n\n";
        await response.WriteAsync(frame, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    public static async Task WriteJsonAsync(this HttpResponse response, int status, object body, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        await response.WriteAsync(JsonSerializer.Serialize(body), cancellationToken);
    }
}
