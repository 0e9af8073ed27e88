using Kelos.GitHub.Api;
using Kelos.GitHub.Auth;
using Kelos.Testing.GitHub;
using Microsoft.Extensions.DependencyInjection;

namespace Kelos.GitHub.Tests.Api;

/// <summary>
/// The GitHub stand-in plus Kelos.GitHub wired as production wires it (<see cref="GitHubAppServiceCollectionExtensions.AddGitHubApp"/>),
/// sharing one manual clock. The App is installed on <c>acme</c> with <c>widgets</c> and <c>gadgets</c>.
/// </summary>
public sealed class GitHubAppHarness : IAsyncDisposable
{
    public const string Repository = "acme/widgets";
    public const string OtherRepository = "acme/gadgets";

    private readonly ServiceProvider _services;

    private GitHubAppHarness(GitHubStandIn gitHub, ManualTimeProvider time, ServiceProvider services, StandInInstallation installation)
    {
        GitHub = gitHub;
        Time = time;
        _services = services;
        Installation = installation;
    }

    public GitHubStandIn GitHub { get; }

    public ManualTimeProvider Time { get; }

    public StandInInstallation Installation { get; }

    public GitHubClientFactory Clients => _services.GetRequiredService<GitHubClientFactory>();

    public InstallationTokenCache Tokens => _services.GetRequiredService<InstallationTokenCache>();

    public ScopedTokenIssuer Issuer => _services.GetRequiredService<ScopedTokenIssuer>();

    public CollaboratorPermissions Permissions => _services.GetRequiredService<CollaboratorPermissions>();

    public GitHubConnectionFactory Connections => _services.GetRequiredService<GitHubConnectionFactory>();

    /// <summary>The installation's client (installation token).</summary>
    public Octokit.IGitHubClient InstallationClient => Clients.CreateInstallationClient(Installation.Id);

    /// <summary>Calls whose path (without <c>/api/v3</c>) is <paramref name="apiPath"/>.</summary>
    public int CallsTo(string method, string apiPath) =>
        GitHub.Calls.Count(c => c.Method == method && c.ApiPath == apiPath);

    public static async Task<GitHubAppHarness> StartAsync(Func<GitHubStandIn, Uri>? apiBaseUrl = null)
    {
        var time = new ManualTimeProvider();
        var gitHub = await GitHubStandIn.StartAsync(new GitHubStandInOptions { TimeProvider = time });
        var installation = gitHub.AddInstallation("acme", "widgets", "gadgets");
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(time);
        services.AddGitHubApp().Configure(options =>
        {
            options.AppId = gitHub.AppId;
            options.PrivateKeyPem = gitHub.PrivateKeyPem;
            options.ApiBaseUrl = apiBaseUrl?.Invoke(gitHub) ?? gitHub.BaseUrl;
        });
        return new GitHubAppHarness(gitHub, time, services.BuildServiceProvider(), installation);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await GitHub.DisposeAsync();
    }
}
