using System.Globalization;
using Kelos.GitHub.Api;
using Kelos.GitHub.Installations;
using Kelos.GitHub.Replies;
using Kelos.GitHub.Reporting;
using Kelos.GitHub.Triggers;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Kelos.GitHub;

/// <summary>
/// Wiring for the GitHub App: the App's credentials, trust, triggers and answers. The reporter is added apart
/// (<c>AddKelosReporter</c>), by the processes that report.
/// </summary>
public static class GitHubFrontEndServiceCollectionExtensions
{
    public const string AppIdVariable = "KELOS_GITHUB_APP_ID";
    public const string PrivateKeyFileVariable = "KELOS_GITHUB_PRIVATE_KEY_FILE";
    public const string ApiUrlVariable = "KELOS_GITHUB_API_URL";
    public const string MaxAttemptsVariable = "KELOS_GITHUB_MAX_ATTEMPTS";

    /// <summary>
    /// The App from <c>KELOS_GITHUB_APP_ID</c>, <c>KELOS_GITHUB_PRIVATE_KEY_FILE</c> (PEM) and <c>KELOS_GITHUB_API_URL</c>
    /// (default https://api.github.com; a GitHub Enterprise URL with or without /api/v3, or a local URL as given).
    /// </summary>
    public static IServiceCollection AddKelosGitHubApp(this IServiceCollection services)
    {
        services.AddGitHubApp().Configure(o =>
        {
            if (long.TryParse(Environment.GetEnvironmentVariable(AppIdVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                o.AppId = id;
            }

            o.PrivateKeyPath = Environment.GetEnvironmentVariable(PrivateKeyFileVariable);
            if (Environment.GetEnvironmentVariable(ApiUrlVariable) is { Length: > 0 } url)
            {
                o.ApiBaseUrl = new Uri(url);
            }
        });
        services.Configure<GitHubOutboundOptions>(o =>
        {
            // How many times one call to GitHub is tried when it fails transiently (the bus then retries the message).
            if (int.TryParse(Environment.GetEnvironmentVariable(MaxAttemptsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var attempts) && attempts > 0)
            {
                o.MaxAttempts = attempts;
            }
        });
        services.AddSingleton(_ => CommentTemplates.FromDefaultLocations());
        services.AddSingleton<ITrustCheck, RepositoryTrustCheck>();
        services.AddSingleton(_ => Core.Templating.PromptIncludes.Load(PromptDirectories()));
        services.AddSingleton<TriggerPlanner>();
        services.AddSingleton<GitHubEventEnricher>();
        services.AddSingleton<RepositoryWorkspaces>();
        services.AddSingleton<Core.Runtime.IGitHubTokenIssuer, Auth.WorkspaceTokenIssuer>();
        services.AddSingleton<SubjectCommandHandler>();
        services.AddSingleton<HelpReplies>();
        services.AddSingleton<InstallationLookup>();
        return services;
    }

    /// <summary>The operator's prompts (<c>KELOS_TEMPLATES_DIR/prompts</c>) first, then the shipped ones beside the executable.</summary>
    private static List<string> PromptDirectories()
    {
        var dirs = new List<string>();
        if (Environment.GetEnvironmentVariable(CommentTemplates.OverrideVariable) is { Length: > 0 } custom)
        {
            dirs.Add(Path.Combine(custom, "prompts"));
        }

        dirs.Add(Path.Combine(AppContext.BaseDirectory, "templates", "prompts"));
        return dirs;
    }

    /// <summary>Every GitHub consumer: the triggers and the reporter (one process that plays every role).</summary>
    public static void AddGitHubConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddGitHubTriggerConsumers();
        bus.AddGitHubReporterConsumers();
    }

    /// <summary>
    /// What turns webhook events into Tasks and answers people at once (👀, help, status, cancel, refusals), and
    /// records installations: the controller's side of GitHub.
    /// </summary>
    public static void AddGitHubTriggerConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<GitHubEventConsumer>();
        bus.AddConsumer<AcknowledgeConsumer>();
        bus.AddConsumer<ReplyConsumer, ReplyConsumerDefinition>();
        bus.AddConsumer<InstallationEventConsumer, InstallationEventConsumerDefinition>();
    }

    /// <summary>The reporter's consumer of Task lifecycle events (register <c>AddKelosReporter</c> with it).</summary>
    public static void AddGitHubReporterConsumers(this IBusRegistrationConfigurator bus) => bus.AddConsumer<TaskReportConsumer>();
}
