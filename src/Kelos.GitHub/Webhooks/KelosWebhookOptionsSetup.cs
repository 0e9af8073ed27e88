using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Kelos.GitHub.Webhooks;

/// <summary>
/// Fills <see cref="KelosWebhookOptions"/> from the configuration: the flat keys (environment variables, flags)
/// over the <c>Kelos:Webhooks</c> section. The secret is read from <c>KELOS_WEBHOOK_SECRET</c> or the file named
/// by <c>KELOS_WEBHOOK_SECRET_FILE</c> only; a problem is left for the validator to report at start.
/// </summary>
internal sealed class KelosWebhookOptionsSetup(IConfiguration configuration) : IConfigureOptions<KelosWebhookOptions>
{
    public void Configure(KelosWebhookOptions options)
    {
        var section = configuration.GetSection(KelosWebhookOptions.SectionName);
        options.Path = First(configuration[KelosWebhookOptions.PathVariable], section["Path"]) ?? options.Path;
        options.AppSlug = First(configuration[KelosWebhookOptions.AppSlugVariable], section["AppSlug"]) ?? options.AppSlug;
        if (section["MaxBodyBytes"] is { } maxBody)
        {
            options.MaxBodyBytes = long.TryParse(maxBody, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) ? bytes : -1;
        }

        if (section["PublishTimeout"] is { } timeout)
        {
            options.PublishTimeout = TimeSpan.TryParse(timeout, CultureInfo.InvariantCulture, out var span) ? span : TimeSpan.Zero;
        }

        var secret = First(configuration[KelosWebhookOptions.SecretVariable]);
        var file = First(configuration[KelosWebhookOptions.SecretFileVariable], section["SecretFile"]);
        if (secret is not null && file is not null)
        {
            options.SecretProblem =
                $"Both {KelosWebhookOptions.SecretVariable} and {KelosWebhookOptions.SecretFileVariable} are set: set only one, so it is clear which webhook secret is in force.";
            return;
        }

        if (secret is not null)
        {
            options.Secret = secret;
            return;
        }

        if (file is not null)
        {
            options.SecretFile = file;
            ReadSecretFile(options, file);
        }
    }

    private static void ReadSecretFile(KelosWebhookOptions options, string file)
    {
        try
        {
            // A mounted secret or an `echo secret > file` ends with a newline that is not part of the secret.
            var secret = File.ReadAllText(file).TrimEnd('\r', '\n');
            if (secret.Length == 0)
            {
                options.SecretProblem = $"{KelosWebhookOptions.SecretFileVariable} names {file}, which is empty.";
                return;
            }

            options.Secret = secret;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            options.SecretProblem = $"{KelosWebhookOptions.SecretFileVariable} names {file}, which cannot be read: {e.Message}";
        }
    }

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
