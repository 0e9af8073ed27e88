using Microsoft.Extensions.Options;

namespace Kelos.GitHub.Webhooks;

/// <summary>Refuses a start without a usable webhook secret, naming both ways to give one; checks the limits.</summary>
internal sealed class KelosWebhookOptionsValidator : IValidateOptions<KelosWebhookOptions>
{
    /// <summary>The start-up error when no secret is configured at all.</summary>
    public const string MissingSecret =
        $"No GitHub webhook secret: set {KelosWebhookOptions.SecretVariable} to the App's webhook secret, or {KelosWebhookOptions.SecretFileVariable} " +
        "to a file holding it. Kelos does not accept unsigned webhook deliveries, so it will not start without one.";

    private const long MaxBodyBytesLimit = 1L << 30;

    public ValidateOptionsResult Validate(string? name, KelosWebhookOptions options)
    {
        var failures = new List<string>();
        if (options.SecretProblem is { } problem)
        {
            failures.Add(problem);
        }
        else if (string.IsNullOrEmpty(options.Secret))
        {
            failures.Add(MissingSecret);
        }

        if (string.IsNullOrEmpty(options.Path) || options.Path[0] != '/')
        {
            failures.Add($"The webhook path must start with '/': '{options.Path}'.");
        }

        if (options.MaxBodyBytes is <= 0 or > MaxBodyBytesLimit)
        {
            failures.Add($"Kelos:Webhooks:MaxBodyBytes must be a number of bytes from 1 to {MaxBodyBytesLimit} (GitHub sends at most 25 MB).");
        }

        if (options.PublishTimeout <= TimeSpan.Zero || options.PublishTimeout >= TimeSpan.FromSeconds(10))
        {
            failures.Add("Kelos:Webhooks:PublishTimeout must be more than 0 and less than GitHub's 10 s (e.g. 00:00:05).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
