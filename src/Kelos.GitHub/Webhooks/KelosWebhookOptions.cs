namespace Kelos.GitHub.Webhooks;

/// <summary>
/// The webhook front end's settings. The secret comes only from the environment (<c>KELOS_WEBHOOK_SECRET</c>) or
/// from a mounted file (<c>KELOS_WEBHOOK_SECRET_FILE</c>), never from appsettings and never from a default: without
/// one the host refuses to start, because an endpoint without a secret would accept anyone's deliveries.
/// The other settings come from the <c>Kelos:Webhooks</c> section (<c>Path</c>, <c>AppSlug</c>,
/// <c>MaxBodyBytes</c>, <c>PublishTimeout</c>, <c>SecretFile</c>) or from the flat keys below, which win.
/// </summary>
public sealed class KelosWebhookOptions
{
    /// <summary>The configuration key (an environment variable) holding the webhook secret itself.</summary>
    public const string SecretVariable = "KELOS_WEBHOOK_SECRET";

    /// <summary>The configuration key naming a file that holds the webhook secret (a mounted Kubernetes Secret).</summary>
    public const string SecretFileVariable = "KELOS_WEBHOOK_SECRET_FILE";

    /// <summary>The configuration key for <see cref="Path"/>.</summary>
    public const string PathVariable = "KELOS_WEBHOOK_PATH";

    /// <summary>The configuration key for <see cref="AppSlug"/>.</summary>
    public const string AppSlugVariable = "KELOS_GITHUB_APP_SLUG";

    /// <summary>The configuration section for the settings that are not secret.</summary>
    public const string SectionName = "Kelos:Webhooks";

    /// <summary>The path GitHub posts to unless configured otherwise.</summary>
    public const string DefaultPath = "/api/github/webhooks";

    /// <summary>25 MB: GitHub does not send larger payloads, so a larger body is not GitHub's.</summary>
    public const long DefaultMaxBodyBytes = 25L * 1024 * 1024;

    /// <summary>The webhook secret the GitHub App signs deliveries with. Never logged.</summary>
    public string? Secret { get; set; }

    /// <summary>The file the secret was read from, if it came from one.</summary>
    public string? SecretFile { get; set; }

    /// <summary>The path of the webhook endpoint; <c>/api/github/webhooks</c> by default.</summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>
    /// The App's slug, when known: deliveries sent by <c>&lt;slug&gt;[bot]</c> (Kelos' own comments and check
    /// runs coming back) are acknowledged and not published, the first loop guard.
    /// </summary>
    public string? AppSlug { get; set; }

    /// <summary>The largest body accepted; a larger one is refused with 413 without being read.</summary>
    public long MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>
    /// How long publishing to the bus may take before the delivery is answered 503: well inside GitHub's 10 s,
    /// so GitHub records a failure that can be redelivered rather than a timeout.
    /// </summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Why the secret could not be taken from the configuration, for the start-up error.</summary>
    internal string? SecretProblem { get; set; }
}
