using Kelos.GitHub.Api;
using Kelos.GitHub.Auth;
using Kelos.Testing.GitHub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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

    private GitHubAppHarness(
        GitHubStandIn gitHub, ManualTimeProvider time, ServiceProvider services, StandInInstallation installation, RecordingLoggerProvider logs)
    {
        GitHub = gitHub;
        Time = time;
        _services = services;
        Installation = installation;
        Logs = logs;
    }

    public GitHubStandIn GitHub { get; }

    public ManualTimeProvider Time { get; }

    public StandInInstallation Installation { get; }

    /// <summary>What Kelos.GitHub logged.</summary>
    public RecordingLoggerProvider Logs { get; }

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

    /// <param name="apiBaseUrl">The API URL Kelos is given; the stand-in's root by default.</param>
    /// <param name="outbound">Changes to the outbound throttle's options.</param>
    /// <param name="manualTimers">
    /// Whether waits on the clock (the throttle's) last until the test moves it (<see cref="ManualTimeProvider.ManualTimers"/>);
    /// by default they take wall time.
    /// </param>
    public static async Task<GitHubAppHarness> StartAsync(
        Func<GitHubStandIn, Uri>? apiBaseUrl = null, Action<GitHubOutboundOptions>? outbound = null, bool manualTimers = false)
    {
        var time = new ManualTimeProvider { ManualTimers = manualTimers };
        var gitHub = await GitHubStandIn.StartAsync(new GitHubStandInOptions { TimeProvider = time });
        var installation = gitHub.AddInstallation("acme", "widgets", "gadgets");
        var logs = new RecordingLoggerProvider();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddGitHubApp().Configure(options =>
        {
            options.AppId = gitHub.AppId;
            options.PrivateKeyPem = gitHub.PrivateKeyPem;
            options.ApiBaseUrl = apiBaseUrl?.Invoke(gitHub) ?? gitHub.BaseUrl;
        });
        if (outbound is not null)
        {
            services.Configure(outbound);
        }

        return new GitHubAppHarness(gitHub, time, services.BuildServiceProvider(), installation, logs);
    }

    /// <summary>Fetches the installation's token now, so that failures a test asks for hit its own calls.</summary>
    public Task WarmUpAsync() => RunAsync(async () => await Tokens.GetAsync(Installation.Id));

    /// <summary>
    /// Runs <paramref name="work"/>, moving the manual clock whenever something waits on it. With manual timers, run every
    /// call that may wait through this: nothing else moves the clock.
    /// </summary>
    public Task<T> RunAsync<T>(Func<Task<T>> work) => Time.AdvanceWhileWaitingAsync(work());

    /// <inheritdoc cref="RunAsync{T}"/>
    public Task RunAsync(Func<Task> work) => Time.AdvanceWhileWaitingAsync(work());

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await GitHub.DisposeAsync();
    }
}
