using System.Security.Cryptography;
using System.Text;

namespace Kelos.GitHub.Webhooks.Tests;

/// <summary>Signs a body the way GitHub does: <c>sha256=</c> and the hex HMAC-SHA256 of the raw bytes.</summary>
public static class WebhookSigner
{
    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
