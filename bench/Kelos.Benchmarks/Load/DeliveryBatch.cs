using System.Net.Http.Headers;

namespace Kelos.Benchmarks.Load;

/// <summary>Deliveries ready to send: bodies side by side in one buffer, each with its delivery id, comment id and signature.</summary>
internal sealed class DeliveryBatch(byte[] buffer, int bodyLength, string[] deliveryIds, long[] commentIds, string[] signatures)
{
    public int Count => deliveryIds.Length;

    public IReadOnlyList<string> DeliveryIds => deliveryIds;

    public IReadOnlyList<long> CommentIds => commentIds;

    public HttpRequestMessage CreateRequest(int index, Uri endpoint)
    {
        var content = new ByteArrayContent(buffer, index * bodyLength, bodyLength);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
        request.Headers.TryAddWithoutValidation("User-Agent", "GitHub-Hookshot/kelos-bench");
        request.Headers.TryAddWithoutValidation("X-GitHub-Event", DeliveryTemplate.EventName);
        request.Headers.TryAddWithoutValidation("X-GitHub-Delivery", deliveryIds[index]);
        request.Headers.TryAddWithoutValidation("X-GitHub-Hook-Installation-Target-Type", "integration");
        request.Headers.TryAddWithoutValidation(WebhookSignature.Header, signatures[index]);
        return request;
    }
}
