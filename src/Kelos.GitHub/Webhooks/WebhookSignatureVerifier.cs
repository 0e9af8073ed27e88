using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Kelos.GitHub.Webhooks;

/// <summary>
/// Checks <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c>: the HMAC-SHA256 of the exact bytes received, keyed with
/// the webhook secret, compared in constant time.
/// </summary>
internal sealed class WebhookSignatureVerifier
{
    private const string Prefix = "sha256=";
    private const int HashBytes = 32;
    private readonly byte[] _key;

    public WebhookSignatureVerifier(IOptions<KelosWebhookOptions> options)
    {
        var secret = options.Value.Secret;
        if (string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException(KelosWebhookOptionsValidator.MissingSecret);
        }

        _key = Encoding.UTF8.GetBytes(secret);
    }

    public bool IsValid(StringValues header, ReadOnlySpan<byte> body)
    {
        if (header.Count != 1 || header[0] is not { } value
            || value.Length != Prefix.Length + (2 * HashBytes) || !value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Span<byte> claimed = stackalloc byte[HashBytes];
        if (Convert.FromHexString(value.AsSpan(Prefix.Length), claimed, out _, out var written) != OperationStatus.Done || written != HashBytes)
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[HashBytes];
        HMACSHA256.HashData(_key, body, actual);
        return CryptographicOperations.FixedTimeEquals(actual, claimed);
    }
}
