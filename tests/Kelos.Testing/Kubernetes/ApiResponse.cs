using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Kelos.Testing.Kubernetes;

/// <summary>Writes JSON answers the way the API server does (<c>application/json</c>, compact).</summary>
internal static class ApiResponse
{
    public static async Task WriteAsync(HttpContext context, int statusCode, JsonNode body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    public static Task WriteAsync(HttpContext context, StatusException error) =>
        WriteAsync(context, error.Code, error.Status);
}
