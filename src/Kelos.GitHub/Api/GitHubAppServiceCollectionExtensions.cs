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
    /// the options on the returned builder.
    /// </summary>
    public static OptionsBuilder<GitHubAppOptions> AddGitHubApp(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
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
