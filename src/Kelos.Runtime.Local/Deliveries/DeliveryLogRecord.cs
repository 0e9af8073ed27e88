using System.Globalization;
using System.Text;
using Kelos.Core.Deliveries;

namespace Kelos.Runtime.Local.Deliveries;

/// <summary>
/// One line of a delivery log: <c>+ MS DELIVERY IDENTITY .</c> (recorded, pending), <c>= MS DELIVERY IDENTITY .</c>
/// (accepted) or <c>- MS DELIVERY IDENTITY .</c> (refused after a failed publish). Fields are URI-escaped so no value
/// holds a space or a newline; the final <c>.</c> marks a complete line, so a line torn by a crash never reads as a
/// record with a truncated identity. Logs written before <c>=</c> existed hold only <c>+</c> and <c>-</c>.
/// </summary>
internal readonly record struct DeliveryLogRecord(DeliveryState State, long UnixMilliseconds, string DeliveryId, string EventIdentity)
{
    private const char PendingMark = '+';
    private const char AcceptedMark = '=';
    private const char RefusedMark = '-';
    private const string EndMark = ".";

    public byte[] ToBytes()
    {
        var mark = State switch
        {
            DeliveryState.Pending => PendingMark,
            DeliveryState.Accepted => AcceptedMark,
            DeliveryState.Refused => RefusedMark,
            _ => throw new InvalidOperationException($"a delivery log holds no {State} records"),
        };
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{mark} {UnixMilliseconds} {Uri.EscapeDataString(DeliveryId)} {Uri.EscapeDataString(EventIdentity)} {EndMark}\n");
        return Encoding.UTF8.GetBytes(line);
    }

    /// <summary>Parses a line without its newline; a torn or foreign line is not a record.</summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out DeliveryLogRecord record)
    {
        record = default;
        var parts = Encoding.UTF8.GetString(line).Split(' ');
        if (parts.Length != 5 || parts[4] != EndMark || parts[0].Length != 1 || parts[2].Length == 0 || parts[3].Length == 0
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return false;
        }

        DeliveryState? state = parts[0][0] switch
        {
            PendingMark => DeliveryState.Pending,
            AcceptedMark => DeliveryState.Accepted,
            RefusedMark => DeliveryState.Refused,
            _ => null,
        };
        if (state is null)
        {
            return false;
        }

        try
        {
            record = new DeliveryLogRecord(state.Value, ms, Uri.UnescapeDataString(parts[2]), Uri.UnescapeDataString(parts[3]));
            return true;
        }
        catch (UriFormatException)
        {
            return false;
        }
    }
}
