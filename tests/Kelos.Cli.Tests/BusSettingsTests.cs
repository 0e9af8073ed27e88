namespace Kelos.Cli.Tests;

/// <summary>The bus settings of <c>kelos serve</c>: a value that does not parse stops the start with one line naming it.</summary>
public sealed class BusSettingsTests : IDisposable
{
    private readonly KelosCli _kelos = new();

    public void Dispose() => _kelos.Dispose();

    [Theory]
    [InlineData("KELOS_BUS_CONCURRENCY", "zero", "error: KELOS_BUS_CONCURRENCY must be a whole number from 1 to 1000, the messages each consumer handles at once (it is 'zero')")]
    [InlineData("KELOS_BUS_CONCURRENCY", "0", "error: KELOS_BUS_CONCURRENCY must be a whole number from 1 to 1000, the messages each consumer handles at once (it is '0')")]
    [InlineData("KELOS_BUS_REDELIVERY", "15s,soon", "error: KELOS_BUS_REDELIVERY \"soon\" is not a duration; use seconds (600) or units (90s, 10m, 1h30m)")]
    [InlineData("KELOS_RABBITMQ_URL", "http://guest:secret@rabbit:5672/", "error: KELOS_RABBITMQ_URL is not an amqp:// or amqps:// URL")]
    public async Task Serve_SettingThatDoesNotParse_OneLineErrorNamingIt(string variable, string value, string error)
    {
        var result = await _kelos.RunAsync(["serve"], TimeSpan.FromMinutes(1), new Dictionary<string, string?> { [variable] = value });

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(error, result.StandardError.Trim().Split('\n')[^1]);
        Assert.DoesNotContain("secret", result.StandardError, StringComparison.Ordinal);
    }
}
