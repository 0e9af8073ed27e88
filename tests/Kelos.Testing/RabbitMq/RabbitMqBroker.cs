using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Kelos.Testing.RabbitMq;

/// <summary>
/// A real RabbitMQ broker for one test class, through <c>scripts/rabbitmq.sh</c>: either a fresh vhost on the broker
/// of the test run (<c>test.sh</c> starts one and exports <c>KELOS_RABBITMQ_URL</c> and <c>KELOS_RABBITMQ_DIR</c>), or
/// a private broker of its own, which the test may pause and resume without disturbing anyone else. Broker tests never
/// skip: without the run's broker while <c>CI=true</c> or <c>KELOS_REQUIRE_BROKER=1</c> they fail, and otherwise a
/// private broker is started (the script installs <c>rabbitmq-server</c> when missing), failing if it cannot be.
/// </summary>
public sealed class RabbitMqBroker : IAsyncDisposable
{
    public const string UrlVariable = "KELOS_RABBITMQ_URL";
    public const string DirectoryVariable = "KELOS_RABBITMQ_DIR";
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(3);

    private readonly bool _private;
    private readonly IConnection _connection;

    private RabbitMqBroker(Uri url, string directory, bool isPrivate, IConnection connection)
    {
        Url = url;
        Directory = directory;
        _private = isPrivate;
        _connection = connection;
    }

    /// <summary><c>amqp://guest:guest@127.0.0.1:PORT/VHOST</c>: what <c>KELOS_RABBITMQ_URL</c> is set to for Kelos.</summary>
    public Uri Url { get; }

    /// <summary>The broker's directory (<c>KELOS_RABBITMQ_DIR</c>).</summary>
    public string Directory { get; }

    public string VirtualHost => Url.AbsolutePath.TrimStart('/');

    /// <summary>A fresh vhost on the run's broker; a private broker when there is none and none is required.</summary>
    public static async Task<RabbitMqBroker> ForTestAsync()
    {
        var url = Environment.GetEnvironmentVariable(UrlVariable);
        var directory = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (string.IsNullOrEmpty(url))
        {
            if (Required)
            {
                throw new InvalidOperationException(
                    $"{UrlVariable} is not set, and this run requires a broker (CI=true or KELOS_REQUIRE_BROKER=1): run the tests with ./test.sh, "
                    + $"which starts one, or export what `scripts/rabbitmq.sh start` prints.");
            }

            return await StartPrivateAsync();
        }

        if (string.IsNullOrEmpty(directory) || !File.Exists(Path.Combine(directory, "env")))
        {
            throw new InvalidOperationException(
                $"{UrlVariable} is set but {DirectoryVariable} does not name its broker directory: each test gets a vhost of its own through "
                + "scripts/rabbitmq.sh, which needs both (`scripts/rabbitmq.sh start` prints both).");
        }

        var vhostUrl = new Uri((await ScriptAsync("add-vhost", directory)).StandardOutput.Trim());
        return new RabbitMqBroker(vhostUrl, directory, isPrivate: false, await ConnectAsync(vhostUrl));
    }

    /// <summary>A broker of the test's own (about 5 s to start), which it may <see cref="PauseAsync"/> and <see cref="ResumeAsync"/>.</summary>
    public static async Task<RabbitMqBroker> StartPrivateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"kelos-rabbitmq-{Guid.NewGuid():N}"[..28]);
        var started = await ScriptAsync("start", environment: new Dictionary<string, string?> { [DirectoryVariable] = directory });
        var exports = started.OutputLines
            .Where(l => l.StartsWith("export ", StringComparison.Ordinal))
            .Select(l => l["export ".Length..].Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv[1]);
        var url = new Uri(exports[UrlVariable]);
        return new RabbitMqBroker(url, exports[DirectoryVariable], isPrivate: true, await ConnectAsync(url));
    }

    /// <summary>True when a broker test must fail rather than find its own broker: CI, or <c>test.sh</c>.</summary>
    public static bool Required =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || Environment.GetEnvironmentVariable("KELOS_REQUIRE_BROKER") == "1";

    /// <summary>Stops the private broker's node (as an outage would), keeping its queues, ports and vhost.</summary>
    public Task PauseAsync() => ScriptOnPrivateAsync("pause");

    /// <summary>Starts the paused node again; returns once it answers.</summary>
    public Task ResumeAsync() => ScriptOnPrivateAsync("resume");

    /// <summary>The messages ready in a queue, or null when there is no such queue.</summary>
    public async Task<uint?> ReadyMessagesAsync(string queue)
    {
        await using var channel = await _connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    }

    /// <summary>The queues of this vhost whose names start with <paramref name="prefix"/>, from the broker's own list.</summary>
    public async Task<IReadOnlyList<string>> QueuesAsync(string prefix = "")
    {
        var listed = await ScriptCtlAsync("list_queues", "-p", VirtualHost, "--no-table-headers", "name");
        return [.. listed.OutputLines.Where(q => q.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }

    /// <summary>Takes one message off a queue (acknowledged: it is gone), or null when the queue is empty.</summary>
    public async Task<BasicGetResult?> TakeAsync(string queue)
    {
        await using var channel = await _connection.CreateChannelAsync();
        return await channel.BasicGetAsync(queue, autoAck: true);
    }

    /// <summary>Publishes raw bytes to an exchange, with publisher confirms, as another program on the broker would.</summary>
    public async Task PublishAsync(string exchange, byte[] body, string contentType = "application/vnd.masstransit+json")
    {
        await using var channel = await _connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties { ContentType = contentType, Persistent = true, MessageId = Guid.NewGuid().ToString() };
        await channel.BasicPublishAsync(exchange, string.Empty, mandatory: true, properties, body);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _connection.CloseAsync();
        }
        catch (Exception e) when (e is AlreadyClosedException or OperationInterruptedException or IOException)
        {
            // The broker may be paused or gone.
        }

        _connection.Dispose();
        await (_private ? ScriptAsync("stop", Directory) : ScriptAsync("delete-vhost", Directory, VirtualHost));
    }

    private static async Task<IConnection> ConnectAsync(Uri url) => await new ConnectionFactory { Uri = url, ClientProvidedName = "kelos-tests" }.CreateConnectionAsync();

    private Task ScriptOnPrivateAsync(string verb) =>
        _private ? ScriptAsync(verb, Directory) : throw new InvalidOperationException($"only a private broker may be told to {verb}: use StartPrivateAsync");

    /// <summary>rabbitmqctl of this broker, with its environment.</summary>
    private Task<CommandResult> ScriptCtlAsync(params string[] arguments) =>
        RunCheckedAsync("bash", ["-c", $". '{Directory}/env' && exec /usr/lib/rabbitmq/bin/rabbitmqctl -q \"$@\"", "rabbitmqctl", .. arguments], null);

    private static Task<CommandResult> ScriptAsync(string verb, params string[] arguments) => ScriptAsync(verb, null, arguments);

    private static Task<CommandResult> ScriptAsync(string verb, IReadOnlyDictionary<string, string?>? environment, params string[] arguments) =>
        RunCheckedAsync(Path.Combine(RepositoryRoot.Find(), "scripts", "rabbitmq.sh"), [verb, .. arguments], environment);

    private static async Task<CommandResult> RunCheckedAsync(string program, string[] arguments, IReadOnlyDictionary<string, string?>? environment)
    {
        var result = await CommandRunner.RunAsync(program, arguments, RepositoryRoot.Find(), environment, ScriptTimeout);
        return result.ExitCode == 0
            ? result
            : throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed: {result}");
    }
}
