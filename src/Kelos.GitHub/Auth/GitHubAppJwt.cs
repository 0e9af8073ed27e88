using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Kelos.GitHub.Auth;

/// <summary>
/// The App's JSON Web Token: RS256, <c>iss</c> the App id, <c>iat</c> 60 s in the past (GitHub's advice against clock
/// drift), <c>exp</c> 9 minutes ahead (GitHub's limit is 10). Neither the key nor the token is ever logged.
/// </summary>
public static class GitHubAppJwt
{
    /// <summary>How far back <c>iat</c> is set.</summary>
    public static readonly TimeSpan IssuedAtSkew = TimeSpan.FromSeconds(60);

    /// <summary>How far ahead <c>exp</c> is set.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(9);

    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"alg":"RS256","typ":"JWT"}""");

    /// <summary>Signs a JWT for <paramref name="appId"/> with the PEM key.</summary>
    /// <exception cref="ArgumentException">The PEM is not an RSA private key (the message does not contain it).</exception>
    public static string Create(long appId, string rsaPrivateKeyPem, TimeProvider time)
    {
        using var key = ImportKey(rsaPrivateKeyPem);
        return Create(appId, key, time);
    }

    /// <summary>Signs a JWT for <paramref name="appId"/> with an imported key.</summary>
    public static string Create(long appId, RSA key, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(appId);
        var now = time.GetUtcNow();
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iat"] = (now - IssuedAtSkew).ToUnixTimeSeconds(),
            ["exp"] = (now + Lifetime).ToUnixTimeSeconds(),
            ["iss"] = appId.ToString(CultureInfo.InvariantCulture),
        });
        var signingInput = $"{Base64Url.EncodeToString(Header)}.{Base64Url.EncodeToString(payload)}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>Imports an RSA private key from PEM (PKCS#1 or PKCS#8).</summary>
    /// <exception cref="ArgumentException">It is not one; the message says so without echoing the text.</exception>
    public static RSA ImportKey(string rsaPrivateKeyPem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rsaPrivateKeyPem);
        var key = RSA.Create();
        try
        {
            key.ImportFromPem(rsaPrivateKeyPem);
            // A public key imports too, but cannot sign: refuse it here rather than at the first request.
            _ = key.ExportParameters(includePrivateParameters: true);
            return key;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new ArgumentException("The GitHub App private key is not an RSA private key in PEM form.", nameof(rsaPrivateKeyPem));
        }
    }
}
