using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Kelos.GitHub.Webhooks;

/// <summary>
/// Reads a delivery's raw bytes (the signature covers them exactly), never more than the cap: a declared length
/// over the cap is refused before a byte is read, and a chunked body is cut off as soon as it passes the cap.
/// </summary>
internal static class WebhookBodyReader
{
    private const int ChunkBytes = 64 * 1024;

    /// <returns>The body, or null when it is larger than <paramref name="maxBytes"/>.</returns>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        // The cap here replaces Kestrel's own (30,000,000 bytes), so a configured cap above it still works.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + 1;
        }

        // Grown as bytes arrive, never sized from the declared length: an unauthenticated sender must not make
        // Kelos set aside 25 MB by only claiming it.
        using var buffer = new MemoryStream((int)Math.Min(request.ContentLength ?? ChunkBytes, ChunkBytes));
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
