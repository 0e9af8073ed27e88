using System.Text.Json.Nodes;
using Kelos.GitHub.Webhooks;

namespace Kelos.GitHub.Manifest;

/// <summary>
/// The GitHub App manifest of a Kelos App: the permissions and events Kelos needs, and where GitHub delivers
/// webhooks. <c>installation</c> and <c>installation_repositories</c> are not listed: GitHub delivers them to every
/// App with an active webhook whatever it subscribes to (its App settings offer no such event to tick).
/// </summary>
public static class KelosAppManifest
{
    /// <summary>The App's name unless one is given.</summary>
    public const string DefaultName = "Kelos";

    /// <summary>GitHub's limit on an App's name.</summary>
    public const int MaxNameLength = 34;

    /// <summary>
    /// Repository permissions: contents, issues, pull requests and checks to write (branches, comments, PRs, check
    /// runs), metadata and actions to read (CI remediation); and the organization permission members: read, for
    /// <c>allowedTeams</c> checks.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Permissions { get; } =
    [
        new("contents", "write"),
        new("issues", "write"),
        new("pull_requests", "write"),
        new("checks", "write"),
        new("metadata", "read"),
        new("actions", "read"),
        new("members", "read"),
    ];

    /// <summary>The events whose deliveries Kelos acts on (each allowed by one of <see cref="Permissions"/>).</summary>
    public static IReadOnlyList<string> Events { get; } =
    [
        "issue_comment",
        "issues",
        "pull_request",
        "pull_request_review",
        "pull_request_review_comment",
        "check_run",
    ];

    /// <summary>The manifest as GitHub's <c>/settings/apps/new</c> form takes it.</summary>
    /// <exception cref="ArgumentException">The URL is not an absolute http(s) URL, or the name is empty or too long.</exception>
    public static JsonObject Build(AppManifestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        RequireHttp(settings.Url, "--url");
        RequireHttp(settings.RedirectUrl, "the redirect URL");
        var name = settings.Name.Trim();
        if (name.Length is 0 or > MaxNameLength)
        {
            throw new ArgumentException($"the App name must be 1 to {MaxNameLength} characters, not {name.Length}");
        }

        var url = settings.Url.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new JsonObject
        {
            ["name"] = name,
            ["url"] = url,
            ["hook_attributes"] = new JsonObject { ["url"] = url + KelosWebhookOptions.DefaultPath, ["active"] = true },
            ["redirect_url"] = settings.RedirectUrl.ToString(),
            ["description"] = "Kelos runs AI coding agents on issues and pull requests when asked with /kelos commands or labels.",
            ["public"] = settings.Public,
            ["default_permissions"] = new JsonObject([.. Permissions.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, p.Value))]),
            ["default_events"] = new JsonArray([.. Events.Select(e => JsonValue.Create(e))]),
        };
    }

    private static void RequireHttp(Uri url, string what)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"{what} must be an absolute http or https URL, not \"{url}\"");
        }
    }
}
