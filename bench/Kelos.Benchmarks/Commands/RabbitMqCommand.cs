using System.CommandLine;
using Kelos.Benchmarks.Rabbit;
using Kelos.Benchmarks.Report;
using Kelos.Benchmarks.Targets;

namespace Kelos.Benchmarks.Commands;

/// <summary><c>kelos-bench rabbitmq</c>: raw RabbitMQ.Client publish-with-confirm rates, the ceiling for Kelos on RabbitMQ.</summary>
internal static class RabbitMqCommand
{
    public static Command Create()
    {
        var messages = new Option<int>("--messages") { Description = "Confirmed publishes per level", DefaultValueFactory = _ => 20_000 };
        var inFlight = new Option<string>("--in-flight") { Description = "Publishes awaiting their confirm at once, one level each", DefaultValueFactory = _ => "1,16,64,256" };
        var bytes = new Option<int>("--message-bytes") { Description = "Body size (a normalized Kelos event is about 2 KB)", DefaultValueFactory = _ => 2048 };
        var command = new Command("rabbitmq", $"Publish-with-confirm rates on the broker at {TargetLauncher.RabbitMqUrlVariable}") { messages, inFlight, bytes };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var url = ServeCommand.RabbitMqUrl();
            var levels = parse.GetValue(inFlight)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(l => int.TryParse(l, out var n) && n > 0 ? n : throw new ArgumentException($"--in-flight: '{l}' is not a positive whole number"))
                .ToList();
            await Console.Error.WriteLineAsync($"RabbitMQ publish with confirm ({url.Host}:{url.Port}):");
            var results = await new PublishConfirmBenchmark(url, parse.GetValue(bytes), BrokerProcess.CpuFromEnvironment()).RunAsync(levels, parse.GetValue(messages), Console.Error, cancellationToken);
            await Console.Out.WriteLineAsync(PublishTable.Render(results));
            return 0;
        });
        return command;
    }
}
