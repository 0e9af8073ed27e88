using Kelos.GitHub.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Kelos.GitHub.Api;

/// <summary>Registers the GitHub App's authentication and API clients.</summary>
public static class GitHubAppServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="GitHubAppOptions"/> (validated at start), the App JWT, the installation token cache, the
    /// per-Task token issuer, the Octokit client factory and the collaborator permission service. Bind or configure
    /// the options on the returned builder. <see cref="GitHubOutboundOptions"/> (pacing and retries of every call to
    /// GitHub) has GitHub's limits as defaults and is validated at start; configure it with
    /// <c>services.Configure&lt;GitHubOutboundOptions&gt;(…)</c>.
    /// </summary>
    public static OptionsBuilder<GitHubAppOptions> AddGitHubApp(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddOptions<GitHubOutboundOptions>()
            .Validate(
                o => o.ContentCreationPerMinute > 0 && o.MaxAttempts > 0 && o.BaseDelay > TimeSpan.Zero
                    && o.MaxWait >= TimeSpan.Zero && o.AttemptTimeout > TimeSpan.Zero,
                "GitHub outbound options: ContentCreationPerMinute, MaxAttempts, BaseDelay and AttemptTimeout must be positive, MaxWait not negative")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GitHubAppOptions>, GitHubAppOptionsValidator>());
        services.TryAddSingleton<AppJwtCredentialStore>();
        services.TryAddSingleton<GitHubConnectionFactory>();
        services.TryAddSingleton<IInstallationTokenSource, GitHubInstallationTokenSource>();
        services.TryAddSingleton<InstallationTokenCache>();
        services.TryAddSingleton<ScopedTokenIssuer>();
        services.TryAddSingleton<GitHubClientFactory>();
        services.TryAddSingleton<CollaboratorPermissions>();
        return services.AddOptions<GitHubAppOptions>().ValidateOnStart();
    }
}
