namespace Kelos.GitHub.Auth;

/// <summary>
/// An installation access token and when it expires. <see cref="ToString"/> never shows the token, so logging
/// one by mistake leaks nothing.
/// </summary>
public sealed class InstallationAccessToken(string token, DateTimeOffset expiresAt)
{
    /// <summary>The token, for an <c>Authorization</c> header or a git credential. Keep it out of logs.</summary>
    public string Token { get; } = token;

    /// <summary>When GitHub stops accepting it (one hour after it was issued).</summary>
    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    /// <inheritdoc />
    public override string ToString() => $"installation token (redacted), expires {ExpiresAt:O}";
}
