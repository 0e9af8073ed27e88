using k8s.Models;
using Kelos.Core.Resources;
using Kelos.Core.Runtime;
using Kelos.Core.Store;
using Kelos.Core.Triggers;
using Kelos.GitHub.Api;
using Kelos.GitHub.Replies;
using Kelos.GitHub.Reporting;
using Kelos.GitHub.Webhooks;
using Kelos.Runtime.Local.Runs;
using Kelos.Runtime.Local.State;
using Kelos.Testing;
using Kelos.Testing.GitHub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kelos.GitHub.Tests.Reporting;

/// <summary>
/// The reporter wired as production wires it, against the GitHub stand-in over HTTP, with a real file store. Tasks are
/// made as a spawner makes them (source annotations) and moved through phases the way the controller moves them.
/// A "restart" is a second harness on the same stand-in and state directory.
/// </summary>
public sealed class ReporterHarness : IAsyncDisposable
{
    public const string Repository = "acme/widgets";

    private readonly ServiceProvider _services;
    private readonly bool _ownsGitHub;

    private ReporterHarness(GitHubStandIn gitHub, StandInInstallation installation, StateDirectory state, bool ownsGitHub)
    {
        GitHub = gitHub;
        Installation = installation;
        State = state;
        _ownsGitHub = ownsGitHub;
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddGitHubApp().Configure(o =>
        {
            o.AppId = gitHub.AppId;
            o.PrivateKeyPem = gitHub.PrivateKeyPem;
            o.ApiBaseUrl = gitHub.BaseUrl;
        });
        services.AddSingleton(Options.Create(new KelosWebhookOptions { AppSlug = gitHub.AppSlug }));
        services.AddSingleton(new CommentTemplates(Path.Combine(RepositoryRoot.Find(), "templates", "comments"), null));
        services.AddSingleton(state);
        services.AddSingleton<IResourceStore>(new FileResourceStore(state, TimeProvider.System));
        services.AddSingleton<ITaskLogs, LocalTaskLogs>();
        services.AddSingleton<IReportState, FileReportState>();
        services.AddKelosReporter();
        _services = services.BuildServiceProvider();
    }

    public GitHubStandIn GitHub { get; }

    public StandInInstallation Installation { get; }

    public StateDirectory State { get; }

    public IResourceStore Store => _services.GetRequiredService<IResourceStore>();

    public TaskReporter Reporter => _services.GetRequiredService<TaskReporter>();

    /// <summary>Changes what the reporter recorded about a Task, e.g. to lose an id as a crash between two writes would.</summary>
    public void ChangeRecord(string name, Func<ReportRecord, ReportRecord> change)
    {
        var state = _services.GetRequiredService<IReportState>();
        var uid = Store.Find<KelosTask>(name)!.Metadata.Uid;
        state.Save(name, uid, change(state.Find(name, uid)));
    }

    public ReportCatchUp CatchUp => _services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ReportCatchUp>().Single();

    public static async Task<ReporterHarness> StartAsync()
    {
        var gitHub = await GitHubStandIn.StartAsync();
        var installation = gitHub.AddInstallation("acme", "widgets");
        gitHub.SetCollaborator(Repository, "alice", "write");
        var state = new StateDirectory(Directory.CreateTempSubdirectory("kelos-reporter-").FullName);
        state.EnsureCreated();
        return new ReporterHarness(gitHub, installation, state, ownsGitHub: true);
    }

    /// <summary>A second reporter on the same GitHub and state, as after a restart of Kelos.</summary>
    public ReporterHarness Restarted() => new(GitHub, Installation, State, ownsGitHub: false);

    /// <summary>A Task as the <c>run</c> spawner makes it for a comment on an issue (or a pull request).</summary>
    public KelosTask CreateTask(
        string name, int number, long? commentId = null, string commentKind = SourceAnnotations.CommentKindIssue, bool pullRequest = false,
        string? sha = null, Dictionary<string, string>? annotations = null, string spawner = "run")
    {
        var a = new Dictionary<string, string>(annotations ?? [], StringComparer.Ordinal)
        {
            [SourceAnnotations.Kind] = pullRequest ? SourceAnnotations.KindPullRequest : SourceAnnotations.KindIssue,
            [SourceAnnotations.Owner] = "acme",
            [SourceAnnotations.Repo] = "widgets",
            [SourceAnnotations.Number] = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [SourceAnnotations.InstallationId] = Installation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [SourceAnnotations.RequestedBy] = "alice",
        };
        if (commentId is { } id)
        {
            a[SourceAnnotations.CommentId] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            a[SourceAnnotations.CommentKind] = commentKind;
        }

        if (sha is not null)
        {
            a[SourceAnnotations.Sha] = sha;
        }

        var task = new KelosTask
        {
            ApiVersion = ResourceKinds.V1Alpha1,
            Kind = ResourceKinds.Task,
            Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { [KelosAnnotations.SpawnerLabel] = spawner }, Annotations = a },
            Spec = new TaskSpec { Type = "claude-code", Model = "claude-sonnet-4-5", Prompt = "fix it", Credentials = new Credentials { Type = "none" } },
        };
        Assert.True(Store.Create(task));
        return Store.Find<KelosTask>(name)!;
    }

    /// <summary>Moves the Task as the controller's status writer does.</summary>
    public void Move(string name, string phase, string message, Dictionary<string, string>? results = null, string? cancelledBy = null, TaskUsage? usage = null)
    {
        Store.Update<KelosTask>(name, task =>
        {
            var status = task.Status ??= new KelosTaskStatus();
            status.Phase = phase;
            status.Message = message;
            if (phase == TaskPhase.Running)
            {
                status.StartTime = DateTimeOffset.UtcNow.AddMinutes(-3);
            }

            if (TaskPhase.IsFinished(phase))
            {
                status.StartTime ??= DateTimeOffset.UtcNow.AddMinutes(-3);
                status.CompletionTime = status.StartTime.Value.AddSeconds(221);
                status.Results = results;
                status.CancelledBy = cancelledBy;
                status.Usage = usage;
            }

            return true;
        });
    }

    public Task ReportAsync(string name) => Reporter.ReportAsync(name, CancellationToken.None);

    /// <summary>Our App's comments on the issue.</summary>
    public List<StandInComment> BotComments(int number) => [.. GitHub.IssueComments(Repository, number).Where(c => c.Author == GitHub.BotLogin)];

    public int Calls(string method, string apiPathPrefix) =>
        GitHub.Calls.Count(c => c.Method == method && c.ApiPath.StartsWith(apiPathPrefix, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_ownsGitHub)
        {
            await GitHub.DisposeAsync();
            Directory.Delete(State.Root, recursive: true);
        }
    }
}
