using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kelos.Benchmarks.Load;
using Kelos.Testing.GitHub;

namespace Kelos.Benchmarks.Targets;

/// <summary>
/// What <c>kelos-bench tasks</c> puts around <c>kelos serve</c> so that every delivery becomes a Task the way a real
/// one does: the GitHub stand-in in this process as the App's API (installation tokens and the 👀 are real API calls,
/// and each delivery's comment exists there), a TaskSpawner for <c>/kelos bench</c> that trusts the sender by name
/// (no permission call), and the state directory's controller lease held here, so Tasks are created and never run.
/// After each step it reads the Tasks' <c>creationTimestamp</c>s from the state directory.
/// </summary>
internal sealed class TaskWorld : IAsyncDisposable
{
    private const string Owner = "acme";
    private const string Repo = "widgets";
    private const string Sender = "bench-user";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly GitHubStandIn _github;
    private readonly StandInInstallation _installation;
    private readonly int _issue;
    private readonly string _tasks;
    private readonly FileStream _controllerLease;
    private readonly Dictionary<string, DateTimeOffset> _created = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private TaskWorld(GitHubStandIn github, StandInInstallation installation, int issue, string stateDirectory, FileStream controllerLease, KelosServeApp app)
    {
        _github = github;
        _installation = installation;
        _issue = issue;
        _tasks = Path.Combine(stateDirectory, "resources", "tasks");
        _controllerLease = controllerLease;
        App = app;
    }

    public KelosServeApp App { get; }

    /// <summary>Starts the stand-in and lays out the configuration and state directories under <paramref name="workDirectory"/>.</summary>
    public static async Task<TaskWorld> StartAsync(string workDirectory, CancellationToken cancellationToken)
    {
        var github = await GitHubStandIn.StartAsync(cancellationToken: cancellationToken);
        var installation = github.AddInstallation(Owner, Repo);
        var issue = github.AddIssue($"{Owner}/{Repo}", "Benchmark", Sender);
        var config = Directory.CreateDirectory(Path.Combine(workDirectory, "config")).FullName;
        await File.WriteAllTextAsync(Path.Combine(config, "bench.yaml"), $$$"""
            apiVersion: kelos.dev/v1alpha1
            kind: TaskSpawner
            metadata: { name: bench }
            spec:
              when:
                githubWebhook:
                  events: [issue_comment]
                  filters:
                    - { event: issue_comment, action: created, bodyPattern: "^/kelos bench\\b" }
                  commentPolicy: { allowedUsers: [{{{Sender}}}] }
              taskTemplate:
                type: claude-code
                credentials: { type: none }
                promptTemplate: "{{ command.text }}"
            """, cancellationToken);
        var key = Path.Combine(workDirectory, "stand-in-app.pem");
        await File.WriteAllTextAsync(key, github.PrivateKeyPem, cancellationToken);
        var state = Directory.CreateDirectory(Path.Combine(workDirectory, "state")).FullName;
        var lease = new FileStream(Path.Combine(state, "controller.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        return new TaskWorld(github, installation, issue, state, lease, new KelosServeApp(github.AppId, key, github.BaseUrl, github.AppSlug, config));
    }

    /// <summary>Makes the delivery one of <c>/kelos bench</c> by the trusted sender, on the stand-in's repository and issue.</summary>
    public void Adjust(JsonObject payload)
    {
        payload["installation"]!["id"] = _installation.Id;
        payload["repository"]!["name"] = Repo;
        payload["repository"]!["full_name"] = $"{Owner}/{Repo}";
        payload["repository"]!["owner"]!["login"] = Owner;
        payload["issue"]!["number"] = _issue;
        payload["comment"]!["body"] = "/kelos bench measure this";
        payload["comment"]!["user"]!["login"] = Sender;
        payload["sender"]!["login"] = Sender;
        payload["sender"]!["type"] = "User";
    }

    /// <summary>Each delivery's comment exists on GitHub before it is delivered, so its 👀 can be posted.</summary>
    public Task BeforeStepAsync(DeliveryBatch batch, CancellationToken cancellationToken)
    {
        foreach (var id in batch.CommentIds)
        {
            _github.AddIssueComment($"{Owner}/{Repo}", _issue, Sender, "/kelos bench measure this", id);
        }

        return Task.CompletedTask;
    }

    /// <summary>Waits (up to a minute without progress) for the Tasks of the step's accepted deliveries, then measures.</summary>
    public async Task<StepResult> AfterStepAsync(DeliveryBatch batch, StepResult result, CancellationToken cancellationToken)
    {
        var timeline = result.Timeline ?? throw new InvalidOperationException("the step recorded no timeline");
        var accepted = Enumerable.Range(0, batch.Count).Where(timeline.Accepted).ToList();
        var found = 0;
        var lastProgress = DateTime.UtcNow;
        while (true)
        {
            ReadNewTasks();
            var now = accepted.Count(i => _created.ContainsKey(batch.DeliveryIds[i]));
            if (now == accepted.Count || DateTime.UtcNow - lastProgress > Patience)
            {
                break;
            }

            if (now > found)
            {
                found = now;
                lastProgress = DateTime.UtcNow;
            }

            await Task.Delay(200, cancellationToken);
        }

        var latencies = new List<double>(accepted.Count);
        DateTimeOffset? first = null, last = null;
        foreach (var i in accepted)
        {
            if (_created.TryGetValue(batch.DeliveryIds[i], out var created))
            {
                latencies.Add((created - timeline.DueAt(i)).TotalMilliseconds);
                first = first is null || created < first ? created : first;
                last = last is null || created > last ? created : last;
            }
        }

        var sorted = latencies.ToArray();
        Array.Sort(sorted);
        var span = first is { } f && last is { } l ? (l - f).TotalSeconds : 0;
        return result with
        {
            Tasks = new TaskLatency(sorted.Length, accepted.Count - sorted.Length, Percentiles.Of(sorted, 50), Percentiles.Of(sorted, 90),
                Percentiles.Of(sorted, 99), sorted.Length > 0 ? sorted[^1] : double.NaN, span > 0 ? sorted.Length / span : double.NaN),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _controllerLease.DisposeAsync();
        await _github.DisposeAsync();
    }

    private void ReadNewTasks()
    {
        if (!Directory.Exists(_tasks))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(_tasks, "*.json"))
        {
            if (_read.Contains(file))
            {
                continue;
            }

            JsonNode? task;
            try
            {
                task = JsonNode.Parse(File.ReadAllBytes(file));
            }
            catch (Exception e) when (e is IOException or JsonException)
            {
                continue;
            }

            var metadata = task?["metadata"];
            if (metadata?["annotations"]?["kelos.dev/delivery-id"]?.GetValue<string>() is { } delivery
                && metadata["creationTimestamp"]?.GetValue<string>() is { } created)
            {
                _created[delivery] = DateTimeOffset.Parse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            }

            _read.Add(file);
        }
    }
}
