using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kelos.GitHub.Reporting;

/// <summary>Wiring for the reporter role: it needs the GitHub App's clients, the resource store and the comment templates.</summary>
public static class ReporterServiceCollectionExtensions
{
    public const string LogUrlVariable = "KELOS_LOG_URL";
    public const string WebUrlVariable = "KELOS_GITHUB_WEB_URL";

    /// <summary>
    /// The reporter, its catch-up, and <see cref="ReporterOptions"/> from <c>KELOS_LOG_URL</c> (a link to a Task's
    /// logs, <c>{task}</c> replaced) and <c>KELOS_GITHUB_WEB_URL</c> (GitHub's web address, when it cannot be derived).
    /// </summary>
    public static IServiceCollection AddKelosReporter(this IServiceCollection services)
    {
        services.AddOptions<ReporterOptions>().Configure(o =>
        {
            o.LogUrlTemplate ??= Environment.GetEnvironmentVariable(LogUrlVariable) is { Length: > 0 } logs ? logs : null;
            if (o.WebBaseUrl is null && Environment.GetEnvironmentVariable(WebUrlVariable) is { Length: > 0 } web)
            {
                o.WebBaseUrl = new Uri(web.EndsWith('/') ? web : web + "/");
            }
        });
        services.AddSingleton<TrackingCommentRenderer>();
        services.AddSingleton<TrackingComments>();
        services.AddSingleton<PullRequestOpener>();
        services.AddSingleton<FinishingTouches>();
        services.TryAddSingleton<Core.Runtime.IReportState, AnnotationReportState>();
        services.AddSingleton<TaskReporter>();
        services.AddHostedService<ReportCatchUp>();
        return services;
    }
}
