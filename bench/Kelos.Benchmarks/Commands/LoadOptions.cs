using System.CommandLine;
using System.Globalization;
using Kelos.Benchmarks.Load;

namespace Kelos.Benchmarks.Commands;

/// <summary>The options of every command that runs a rate sweep.</summary>
internal sealed class LoadOptions(string defaultRates = "100,250,500,1000,2000,4000,8000")
{
    private readonly Option<string> _rates = new("--rates")
    {
        Description = "Deliveries per second, one step each, comma-separated",
        DefaultValueFactory = _ => defaultRates,
    };

    private readonly Option<double> _seconds = new("--seconds") { Description = "Length of each step", DefaultValueFactory = _ => 10 };
    private readonly Option<double> _warmup = new("--warmup") { Description = "Seconds of unmeasured load at 200/s first", DefaultValueFactory = _ => 5 };
    private readonly Option<double> _pause = new("--pause") { Description = "Seconds of quiet between steps", DefaultValueFactory = _ => 3 };
    private readonly Option<double> _p99 = new("--p99-bound") { Description = "A rate is sustained when ≥ 99% get a 2xx and p99 is within this many ms", DefaultValueFactory = _ => 100 };
    private readonly Option<int> _connections = new("--max-connections") { Description = "HTTP/1.1 connections the sender may open", DefaultValueFactory = _ => 512 };
    private readonly Option<double> _timeout = new("--timeout") { Description = "Seconds before a request counts as an error", DefaultValueFactory = _ => 10 };
    private readonly Option<string> _fixture = new("--fixture")
    {
        Description = "The issue_comment created delivery to send",
        DefaultValueFactory = _ => RepositoryPaths.IssueCommentFixture,
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _rates, _seconds, _warmup, _pause, _p99, _connections, _timeout, _fixture })
        {
            command.Add(option);
        }
    }

    public LoadSettings Read(ParseResult parse)
    {
        var rates = parse.GetValue(_rates)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var rate) && rate > 0
                ? rate
                : throw new ArgumentException($"--rates: '{r}' is not a positive whole number"))
            .ToList();
        var fixture = parse.GetValue(_fixture)!;
        if (!File.Exists(fixture))
        {
            throw new FileNotFoundException($"the delivery to send is missing: {fixture} (--fixture)", fixture);
        }

        return new LoadSettings(rates, TimeSpan.FromSeconds(parse.GetValue(_seconds)), TimeSpan.FromSeconds(parse.GetValue(_warmup)),
            TimeSpan.FromSeconds(parse.GetValue(_pause)), parse.GetValue(_p99), parse.GetValue(_connections),
            TimeSpan.FromSeconds(parse.GetValue(_timeout)), fixture);
    }
}
