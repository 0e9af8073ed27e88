namespace Kelos.GitHub.Manifest;

/// <summary>What a Kelos App manifest is made from.</summary>
/// <param name="Url">Where Kelos is served (the App's homepage); the webhook URL is this plus <c>/api/github/webhooks</c>.</param>
/// <param name="Name">The App's name (GitHub allows at most 34 characters; the creator may change it on GitHub's page).</param>
/// <param name="Public">Whether other accounts may install the App.</param>
/// <param name="RedirectUrl">Where GitHub sends the browser, with the one-time code, once the App is created.</param>
public sealed record AppManifestSettings(Uri Url, string Name, bool Public, Uri RedirectUrl);
