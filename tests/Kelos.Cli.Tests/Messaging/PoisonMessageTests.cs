using System.Text;
using System.Text.Json.Nodes;
using Kelos.Testing.RabbitMq;
using Xunit.Abstractions;

namespace Kelos.Cli.Tests.Messaging;

/// <summary>
/// Messages that can never be handled (a <c>LaunchTask</c> whose Task does not validate, a body that is not a message
/// at all) end in the consumer's <c>_error</c> queue with the exception in their headers, while the good messages
/// around them are handled; <c>/metrics</c> counts what happened.
/// </summary>
[Collection(BrokerTests.Name)]
public sealed class PoisonMessageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string LaunchTaskExchange = "Kelos.Contracts:LaunchTask";
    private const string ErrorQueue = "kelos-launch-task_error";
    private RabbitMqBroker _broker = null!;
    private GitHubAppServer _kelos = null!;

    public async Task InitializeAsync()
    {
        _broker = await RabbitMqBroker.ForTestAsync();
        _kelos = await GitHubAppServer.StartAsync(_broker, output);
    }

    public async Task DisposeAsync()
    {
        await _kelos.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task InvalidTaskAndGarbage_LandInErrorQueueWithTheException_TheRestAreHandled()
    {
        var before = await MetricsAsync();

        await PublishLaunchAsync(Task("from-the-bus-1"));
        await PublishLaunchAsync("apiVersion: kelos.dev/v1alpha1\nkind: Task\nmetadata: { name: broken }\nspec: { type: no-such-agent }\n");
        await PublishLaunchAsync(Task("from-the-bus-2"));
        await _broker.PublishAsync(LaunchTaskExchange, "this is not a message"u8.ToArray());
        await PublishLaunchAsync(Task("from-the-bus-3"));

        await _kelos.WaitUntilAsync(async () => (await _kelos.TasksAsync()).Count == 3, "the three good Tasks");
        await _kelos.WaitUntilAsync(async () => await _broker.ReadyMessagesAsync(ErrorQueue) == 2, $"two messages in {ErrorQueue}");
        Assert.Equal(["from-the-bus-1", "from-the-bus-2", "from-the-bus-3"],
            (await _kelos.TasksAsync()).Select(t => t["metadata"]!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        // Handled side by side, so either may have failed first.
        var faults = new[] { Header(await _broker.TakeAsync(ErrorQueue)), Header(await _broker.TakeAsync(ErrorQueue)) };
        var invalid = Assert.Single(faults, f => f("MT-Fault-ExceptionType") == "System.InvalidOperationException");
        var garbage = Assert.Single(faults, f => f != invalid);
        Assert.Contains("LaunchTask carries an invalid Task", invalid("MT-Fault-Message"), StringComparison.Ordinal);
        Assert.Contains("no-such-agent", invalid("MT-Fault-Message"), StringComparison.Ordinal);
        Assert.Contains("LaunchTaskConsumer", invalid("MT-Fault-StackTrace"), StringComparison.Ordinal);
        Assert.Equal("fault", invalid("MT-Reason"));
        Assert.Equal("System.Text.Json.JsonReaderException", garbage("MT-Fault-ExceptionType"));
        Assert.Contains("'this is not a message' is an invalid JSON", garbage("MT-Fault-Message"), StringComparison.Ordinal);
        Assert.Equal(0u, await _broker.ReadyMessagesAsync("kelos-launch-task"));

        // The counters as Prometheus scrapes them (OpenTelemetry's names: MassTransit counts in "ea", each).
        var after = await MetricsAsync();
        output.WriteLine(string.Join('\n', after.Where(l => l.Contains("launch-task", StringComparison.Ordinal) && !l.Contains("_bucket", StringComparison.Ordinal))));
        Assert.Equal(0, Sum(before, "messaging_masstransit_receive_ea_total", "kelos-launch-task"));
        Assert.Equal(5, Sum(after, "messaging_masstransit_receive_ea_total", "kelos-launch-task"));
        // Three good messages, and the invalid Task four times: once and three immediate retries.
        Assert.Equal(7, Sum(after, "messaging_masstransit_consume_ea_total", "LaunchTaskConsumer"));
        Assert.Equal(4, Sum(after, "messaging_masstransit_consume_errors_ea_total", "InvalidOperationException"));
        Assert.Equal(3, Sum(after, "messaging_masstransit_consume_retries_ea_total", "LaunchTaskConsumer"));
        Assert.Equal(7, Sum(after, "messaging_masstransit_consume_duration_milliseconds_count", "LaunchTaskConsumer"));
    }

    private static string Task(string name) => $$"""
        apiVersion: kelos.dev/v1alpha1
        kind: Task
        metadata: { name: {{name}} }
        spec: { type: claude-code, prompt: "Say hello", credentials: { type: none } }
        """;

    /// <summary>A <c>LaunchTask</c> as another program on the broker would publish it: MassTransit's JSON envelope.</summary>
    private Task PublishLaunchAsync(string taskDocument)
    {
        var envelope = new JsonObject
        {
            ["messageId"] = Guid.NewGuid().ToString(),
            ["messageType"] = new JsonArray("urn:message:Kelos.Contracts:LaunchTask"),
            ["message"] = new JsonObject { ["taskDocument"] = taskDocument, ["requestedBy"] = "poison-test" },
        };
        return _broker.PublishAsync(LaunchTaskExchange, Encoding.UTF8.GetBytes(envelope.ToJsonString()));
    }

    private static Func<string, string> Header(RabbitMQ.Client.BasicGetResult? message)
    {
        Assert.NotNull(message);
        var headers = message.BasicProperties.Headers ?? new Dictionary<string, object?>();
        return name => headers.TryGetValue(name, out var value) && value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : value?.ToString() ?? "";
    }

    private async Task<IReadOnlyList<string>> MetricsAsync()
    {
        var text = await _kelos.Http.GetStringAsync("metrics");
        return text.Split('\n');
    }

    /// <summary>The sum of a metric's samples whose labels mention <paramref name="label"/>.</summary>
    private static double Sum(IEnumerable<string> metrics, string name, string label) =>
        metrics.Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) && l.Contains(label, StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
}
