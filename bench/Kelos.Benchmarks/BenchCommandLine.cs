using System.CommandLine;
using Kelos.Benchmarks.Commands;
using Kelos.Benchmarks.Report;

namespace Kelos.Benchmarks;

/// <summary>The <c>kelos-bench</c> commands: tables in markdown on stdout, progress and errors on stderr.</summary>
internal static class BenchCommandLine
{
    public static async Task<int> InvokeAsync(string[] args)
    {
        var root = new RootCommand("Load and throughput benchmarks for Kelos's webhook path and its bus")
        {
            CeilingCommand.Create(),
            ServeCommand.Create(),
            RabbitMqCommand.Create(),
            TasksCommand.Create(),
            CeilingServerCommand.Create(),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await Console.Error.WriteLineAsync($"error: {string.Join("; ", parse.Errors.Select(e => e.Message.TrimEnd('.')))} (see kelos-bench --help)");
            return 1;
        }

        if (parse.CommandResult.Command.Name != "ceiling-server" && parse.CommandResult.Command != root)
        {
            await Console.Error.WriteLineAsync($"machine: {MachineLine.Describe()}");
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or TimeoutException or HttpRequestException
            or RabbitMQ.Client.Exceptions.BrokerUnreachableException)
        {
            await Console.Error.WriteLineAsync("error: " + e.Message);
            return 1;
        }
    }
}
