using Microsoft.Extensions.Options;

namespace Kelos.GitHub.Auth;

/// <summary>Checks the App id, that exactly one key source is set, that the key is an RSA PEM key, and the API URL.</summary>
public sealed class GitHubAppOptionsValidator : IValidateOptions<GitHubAppOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, GitHubAppOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.AppId <= 0)
        {
            failures.Add("The GitHub App id is missing or not a positive number: set KELOS_GITHUB_APP_ID.");
        }

        var inline = !string.IsNullOrWhiteSpace(options.PrivateKeyPem);
        var file = !string.IsNullOrWhiteSpace(options.PrivateKeyPath);
        if (inline == file)
        {
            failures.Add("The GitHub App private key is missing: set KELOS_GITHUB_PRIVATE_KEY_FILE to its PEM file.");
        }
        else
        {
            try
            {
                using var key = GitHubAppJwt.ImportKey(options.LoadPrivateKeyPem());
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                failures.Add(e.Message);
            }
        }

        if (options.ApiBaseUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("The GitHub API URL must be an absolute http or https URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
