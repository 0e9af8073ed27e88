using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Kelos.Testing.Kubernetes;

/// <summary>Reads query parameters the way the API server parses them.</summary>
internal static class Query
{
    public static bool Flag(HttpContext context, string name) =>
        (string?)context.Request.Query[name] is "true" or "1";

    public static long? Number(HttpContext context, string name)
    {
        var text = (string?)context.Request.Query[name];
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw KubernetesStatus.BadRequest($"invalid value for {name}: \"{text}\"");
    }
}
