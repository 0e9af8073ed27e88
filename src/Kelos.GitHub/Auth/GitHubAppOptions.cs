namespace Kelos.GitHub.Auth;

/// <summary>
/// Who the GitHub App is and where its API lives. The private key comes from <see cref="PrivateKeyPem"/> (e.g. from an
/// environment variable) or <see cref="PrivateKeyPath"/> (a mounted file), never from a default.
/// </summary>
public sealed class GitHubAppOptions
{
    /// <summary>github.com's REST API.</summary>
    public static readonly Uri DefaultApiBaseUrl = new("https://api.github.com/");

    /// <summary>The App id GitHub assigned (the JWT's <c>iss</c>).</summary>
    public long AppId { get; set; }

    /// <summary>The App's private key as PEM text (PKCS#1 as GitHub hands it out, or PKCS#8).</summary>
    public string? PrivateKeyPem { get; set; }

    /// <summary>A file holding the App's private key PEM; used when <see cref="PrivateKeyPem"/> is not set.</summary>
    public string? PrivateKeyPath { get; set; }

    /// <summary>
    /// The REST API root: <c>https://api.github.com</c> (default); a GitHub Enterprise Server host with or without
    /// <c>/api/v3</c>; or any other URL with a path, or on a loopback host, taken as given. See
    /// <see cref="Api.GitHubApiBaseUrl.Normalize"/>.
    /// </summary>
    public Uri ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>The private key PEM, read from <see cref="PrivateKeyPath"/> if it was not given inline.</summary>
    /// <exception cref="InvalidOperationException">Neither is set, or the file cannot be read (the message names the path, never the key).</exception>
    public string LoadPrivateKeyPem()
    {
        if (!string.IsNullOrWhiteSpace(PrivateKeyPem))
        {
            return PrivateKeyPem;
        }

        if (string.IsNullOrWhiteSpace(PrivateKeyPath))
        {
            throw new InvalidOperationException("The GitHub App private key is not configured: set a PEM or a key file path.");
        }

        try
        {
            return File.ReadAllText(PrivateKeyPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The GitHub App private key file '{PrivateKeyPath}' cannot be read: {e.Message}", e);
        }
    }
}
