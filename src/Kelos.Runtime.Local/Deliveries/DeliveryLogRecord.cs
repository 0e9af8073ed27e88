using System.Globalization;
using System.Text;

namespace Kelos.Runtime.Local.Deliveries;

/// <summary>
/// One line of a delivery log: <c>+ MS DELIVERY IDENTITY .</c> (recorded) or <c>- MS DELIVERY IDENTITY .</c>
/// (forgotten after a failed publish). Fields are URI-escaped so no value holds a space or a newline; the final
/// <c>.</c> marks a complete line, so a line torn by a crash never reads as a record with a truncated identity.
/// </summary>
internal readonly record struct DeliveryLogRecord(bool Recorded, long UnixMilliseconds, string DeliveryId, string EventIdentity)
{
    private const char RecordedMark = '+';
    private const char ForgottenMark = '-';
    private const string EndMark = ".";

    public byte[] ToBytes()
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{(Recorded ? RecordedMark : ForgottenMark)} {UnixMilliseconds} {Uri.EscapeDataString(DeliveryId)} {Uri.EscapeDataString(EventIdentity)} {EndMark}\n");
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

        var mark = parts[0][0];
        if (mark is not (RecordedMark or ForgottenMark))
        {
            return false;
        }

        try
        {
            record = new DeliveryLogRecord(mark == RecordedMark, ms, Uri.UnescapeDataString(parts[2]), Uri.UnescapeDataString(parts[3]));
            return true;
        }
        catch (UriFormatException)
        {
            return false;
        }
    }
}
