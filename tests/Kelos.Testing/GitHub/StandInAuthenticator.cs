using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Kelos.Testing.GitHub;

/// <summary>
/// Reads the <c>Authorization</c> header (<c>Bearer</c> or <c>token</c>): a JWT is verified against the App's public
/// key and GitHub's claim rules, anything else is looked up among the issued installation tokens.
/// </summary>
internal static class StandInAuthenticator
{
    private const string Undecodable = "A JSON web token could not be decoded";

    public static StandInCaller Resolve(HttpContext context, StandInState state)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return new StandInCaller(GitHubAuthKind.None, "Requires authentication", null, "anonymous");
        }

        var space = header.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space > 0 ? header[..space] : string.Empty;
        var credential = space > 0 ? header[(space + 1)..].Trim() : string.Empty;
        if (!scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("token", StringComparison.OrdinalIgnoreCase))
        {
            return new StandInCaller(GitHubAuthKind.Unrecognized, "Bad credentials", null, "unrecognized");
        }

        if (credential.Count(c => c == '.') == 2)
        {
            return new StandInCaller(GitHubAuthKind.Jwt, VerifyJwt(credential, state), null, "app");
        }

        lock (state.Gate)
        {
            if (!state.Tokens.TryGetValue(credential, out var token))
            {
                return new StandInCaller(GitHubAuthKind.Unrecognized, "Bad credentials", null, "unrecognized");
            }

            var error = token.ExpiresAt <= state.Time.GetUtcNow() ? "Bad credentials" : null;
            return new StandInCaller(GitHubAuthKind.InstallationToken, error, token, $"installation:{token.InstallationId}");
        }
    }

    /// <summary>Null when the JWT is good; otherwise GitHub's message for what is wrong with it.</summary>
    private static string? VerifyJwt(string jwt, StandInState state)
    {
        var parts = jwt.Split('.');
        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            if (!header.RootElement.TryGetProperty("alg", out var alg) || alg.GetString() != "RS256")
            {
                return Undecodable;
            }

            var signed = Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}");
            if (!state.Key.VerifyData(signed, Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                return Undecodable;
            }

            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            return CheckClaims(payload.RootElement, state);
        }
        catch (Exception e) when (e is FormatException or JsonException or CryptographicException or InvalidOperationException)
        {
            return Undecodable;
        }
    }

    private static string? CheckClaims(JsonElement claims, StandInState state)
    {
        var issuer = claims.TryGetProperty("iss", out var iss) ? iss.ValueKind == JsonValueKind.Number ? iss.GetRawText() : iss.GetString() : null;
        if (issuer != state.Options.AppId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return "'Issuer' claim ('iss') must be an Integer";
        }

        if (!claims.TryGetProperty("iat", out var iatClaim) || !iatClaim.TryGetInt64(out var iat))
        {
            return "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued";
        }

        if (!claims.TryGetProperty("exp", out var expClaim) || !expClaim.TryGetInt64(out var exp))
        {
            return "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
        }

        var now = state.Time.GetUtcNow().ToUnixTimeSeconds();
        if (iat > now + (long)GitHubLimits.JwtClockSlack.TotalSeconds)
        {
            return "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued";
        }

        if (exp <= now)
        {
            return "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
        }

        return exp - iat > (long)GitHubLimits.JwtMaxLifetime.TotalSeconds
            ? "'Expiration time' claim ('exp') is too far in the future"
            : null;
    }
}
