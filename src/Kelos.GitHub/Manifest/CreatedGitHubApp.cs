namespace Kelos.GitHub.Manifest;

/// <summary>
/// What GitHub hands back for a manifest code: the new App's id and slug, its private key and webhook secret.
/// A class, not a record, so that nothing prints the key or the secret by accident: <see cref="ToString"/> names the App only.
/// </summary>
public sealed class CreatedGitHubApp(long id, string slug, string name, Uri? htmlUrl, string privateKeyPem, string webhookSecret)
{
    /// <summary>The App id (the JWT's <c>iss</c>, <c>KELOS_GITHUB_APP_ID</c>).</summary>
    public long Id { get; } = id;

    /// <summary>The App's slug (<c>KELOS_GITHUB_APP_SLUG</c>); it comments as <c>{slug}[bot]</c>.</summary>
    public string Slug { get; } = slug;

    /// <summary>The App's name.</summary>
    public string Name { get; } = name;

    /// <summary>The App's page on GitHub, e.g. <c>https://github.com/apps/kelos-acme</c>.</summary>
    public Uri? HtmlUrl { get; } = htmlUrl;

    /// <summary>The App's private key (PEM). Secret.</summary>
    public string PrivateKeyPem { get; } = privateKeyPem;

    /// <summary>The secret GitHub signs webhook deliveries with. Secret.</summary>
    public string WebhookSecret { get; } = webhookSecret;

    /// <summary>Where an account installs the App, when its page is known.</summary>
    public Uri? InstallUrl => HtmlUrl is null ? null : new Uri(HtmlUrl.ToString().TrimEnd('/') + "/installations/new");

    /// <inheritdoc />
    public override string ToString() => $"GitHub App {Slug} ({Id})";
}
