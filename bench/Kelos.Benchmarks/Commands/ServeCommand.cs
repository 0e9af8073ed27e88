using System.CommandLine;
using System.Text;
using Kelos.Benchmarks.Rabbit;
using Kelos.Benchmarks.Targets;

namespace Kelos.Benchmarks.Commands;

/// <summary>
/// <c>kelos-bench serve</c>: the sweep against <c>kelos serve</c>, started here from a build of Kelos.Cli (in-memory
/// bus, or RabbitMQ with <c>--bus rabbitmq</c>), or already running at <c>--url</c>.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var load = new LoadOptions();
        var kelos = new Option<string>("--kelos") { Description = "kelos.dll to run", DefaultValueFactory = _ => RepositoryPaths.KelosDll };
        var bus = new Option<string>("--bus") { Description = $"memory, or rabbitmq (the broker at {TargetLauncher.RabbitMqUrlVariable})", DefaultValueFactory = _ => "memory" };
        bus.AcceptOnlyFromAmong("memory", "rabbitmq");
        var url = new Option<string?>("--url")
        {
            Description = $"The webhook URL of a kelos serve already running (e.g. http://127.0.0.1:8080/api/github/webhooks); its secret from {TargetLauncher.SecretVariable}",
        };
        var command = new Command("serve", "Sweep the rates against kelos serve's webhook endpoint") { kelos, bus, url };
        load.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = load.Read(parse);
            var rabbit = parse.GetValue(bus) == "rabbitmq" ? RabbitMqUrl() : null;
            Func<CancellationToken, Task>? check = rabbit is null ? null : ct => KelosExchangeCheck.EnsurePublishedAsync(rabbit, ct);
            var brokerCpu = rabbit is null ? null : BrokerProcess.CpuFromEnvironment();
            var title = $"kelos serve, {(rabbit is null ? "in-memory bus" : "RabbitMQ bus")}";
            if (parse.GetValue(url) is { } given)
            {
                var running = Uri.TryCreate(given, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"
                    ? parsed
                    : throw new ArgumentException($"--url: '{given}' is not an http:// URL");
                var key = Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable(TargetLauncher.SecretVariable) is { Length: > 0 } secret
                    ? secret
                    : throw new ArgumentException($"--url needs the server's webhook secret in {TargetLauncher.SecretVariable}"));
                return Sweep.RunAsync(title, settings, (_, _) => Task.FromResult(new WebhookTarget(running, key, null)), check, brokerCpu, cancellationToken);
            }

            var dll = Path.GetFullPath(parse.GetValue(kelos)!);
            return Sweep.RunAsync(title, settings, (work, ct) => TargetLauncher.StartKelosServeAsync(dll, work, rabbit, ct), check, brokerCpu, cancellationToken);
        });
        return command;
    }

    public static Uri RabbitMqUrl() =>
        Uri.TryCreate(Environment.GetEnvironmentVariable(TargetLauncher.RabbitMqUrlVariable), UriKind.Absolute, out var rabbit) && rabbit.Scheme is "amqp" or "amqps"
            ? rabbit
            : throw new ArgumentException($"{TargetLauncher.RabbitMqUrlVariable} is not an amqp:// URL: start a broker with eval \"$(scripts/rabbitmq.sh start)\"");
}
