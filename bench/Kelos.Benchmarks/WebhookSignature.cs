using System.Buffers;
using System.Security.Cryptography;

namespace Kelos.Benchmarks;

/// <summary>GitHub's <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c>: HMAC-SHA256 of the raw body, keyed with the webhook secret.</summary>
internal static class WebhookSignature
{
    public const string Header = "X-Hub-Signature-256";
    private const string Prefix = "sha256=";
    private const int HashBytes = 32;

    public static string Sign(byte[] key, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(key, body));

    /// <summary>The check a webhook endpoint must make: exact length, hex, constant-time comparison.</summary>
    public static bool IsValid(byte[] key, string? header, ReadOnlySpan<byte> body)
    {
        if (header is null || header.Length != Prefix.Length + (2 * HashBytes) || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Span<byte> claimed = stackalloc byte[HashBytes];
        if (Convert.FromHexString(header.AsSpan(Prefix.Length), claimed, out _, out var written) != OperationStatus.Done || written != HashBytes)
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[HashBytes];
        HMACSHA256.HashData(key, body, actual);
        return CryptographicOperations.FixedTimeEquals(actual, claimed);
    }
}
