using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kelos.Benchmarks.Load;

/// <summary>
/// A real <c>issue_comment</c> delivery with its comment id made a fixed-width slot, so that every delivery of a
/// run gets its own comment id (Kelos deduplicates by comment id and action) by overwriting digits in place.
/// </summary>
internal sealed class DeliveryTemplate
{
    public const string EventName = "issue_comment";

    /// <summary>18 digits: room for a run's start time in milliseconds and 10,000 deliveries per millisecond after it.</summary>
    private const long Marker = 987_654_321_987_654_321;
    private const int IdDigits = 18;
    private static readonly byte[] MarkerText = Encoding.ASCII.GetBytes(Marker.ToString(CultureInfo.InvariantCulture));

    private readonly byte[] _body;
    private readonly int _idOffset;
    private long _nextCommentId;

    private DeliveryTemplate(byte[] body, int idOffset)
    {
        _body = body;
        _idOffset = idOffset;
        _nextCommentId = 100_000_000_000_000_000 + (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 10_000);
    }

    public int BodyLength => _body.Length;

    /// <param name="path">The delivery.</param>
    /// <param name="adjust">Changes to the payload before it becomes the template (the comment's text, the repository).</param>
    public static DeliveryTemplate Load(string path, Action<JsonObject>? adjust = null)
    {
        var payload = JsonNode.Parse(File.ReadAllBytes(path)) as JsonObject
            ?? throw new InvalidDataException($"{path} is not a JSON object");
        if (payload["comment"] is not JsonObject comment || payload["action"]?.GetValue<string>() != "created")
        {
            throw new InvalidDataException($"{path} is not an issue_comment created delivery");
        }

        adjust?.Invoke(payload);

        comment["id"] = Marker;
        var body = JsonSerializer.SerializeToUtf8Bytes(payload);
        var offset = body.AsSpan().IndexOf(MarkerText);
        if (offset < 0 || body.AsSpan(offset + 1).IndexOf(MarkerText) >= 0)
        {
            throw new InvalidDataException($"could not place a unique comment id slot in {path}");
        }

        return new DeliveryTemplate(body, offset);
    }

    /// <summary>Fresh, signed deliveries, all bodies in one buffer so that a step's load allocates nothing.</summary>
    public DeliveryBatch Prepare(int count, byte[] key)
    {
        var length = _body.Length;
        if ((long)count * length > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"{count} deliveries of {length} bytes do not fit in memory at once: shorten the step");
        }

        var buffer = GC.AllocateUninitializedArray<byte>(count * length);
        var deliveryIds = new string[count];
        var commentIds = new long[count];
        var signatures = new string[count];
        for (var i = 0; i < count; i++)
        {
            var body = buffer.AsSpan(i * length, length);
            _body.CopyTo(body);
            var id = Interlocked.Increment(ref _nextCommentId);
            if (!id.TryFormat(body.Slice(_idOffset, IdDigits), out var written, default, CultureInfo.InvariantCulture) || written != IdDigits)
            {
                throw new InvalidOperationException($"comment id {id} does not fit its slot");
            }

            commentIds[i] = id;
            deliveryIds[i] = Guid.NewGuid().ToString();
            signatures[i] = WebhookSignature.Sign(key, body);
        }

        return new DeliveryBatch(buffer, length, deliveryIds, commentIds, signatures);
    }
}
