namespace Kelos.GitHub.Manifest;

/// <summary>How <c>kelos github-app create</c> runs the manifest flow.</summary>
/// <param name="Url">Where Kelos is served (the App's homepage and, plus <c>/api/github/webhooks</c>, its webhook).</param>
/// <param name="Name">The App's name.</param>
/// <param name="Public">Whether other accounts may install it.</param>
/// <param name="GitHubUrl">GitHub's web root, where the browser registers the App.</param>
/// <param name="ApiUrl">GitHub's REST API root, where the code is exchanged.</param>
/// <param name="Organization">The organization to own the App; null for the signed-in user.</param>
/// <param name="Listen">Where the local page listens, <c>HOST:PORT</c> (port 0: any free port).</param>
public sealed record ManifestFlowSettings(Uri Url, string Name, bool Public, Uri GitHubUrl, Uri ApiUrl, string? Organization, string Listen);
