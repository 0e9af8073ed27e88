using Kelos.GitHub;
using Kelos.GitHub.Webhooks;

namespace Kelos.Cli.Hosting;

/// <summary>
/// Whether this <c>kelos serve</c> is a GitHub App front end: any of the webhook secret, its file, or the App id
/// set. Then the webhook endpoint is served, and a missing secret stops the start (no secret, no start); with
/// none of them, Kelos runs locally with no HTTP endpoint.
/// </summary>
public static class GitHubSettings
{
    public static bool IsConfigured() =>
        new[] { KelosWebhookOptions.SecretVariable, KelosWebhookOptions.SecretFileVariable, GitHubFrontEndServiceCollectionExtensions.AppIdVariable }
            .Any(name => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)));

    /// <summary>Whether a webhook secret is configured: what the webhook role needs.</summary>
    public static bool IsWebhookConfigured() =>
        new[] { KelosWebhookOptions.SecretVariable, KelosWebhookOptions.SecretFileVariable }
            .Any(name => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)));

    /// <summary>Whether the App itself is configured (its id): what the triggers and the reporter need to call GitHub.</summary>
    public static bool IsAppConfigured() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(GitHubFrontEndServiceCollectionExtensions.AppIdVariable));
}
