using System.Globalization;
using Kelos.Testing.GitHub;

namespace Kelos.Cli.Tests;

/// <summary>
/// <c>kelos github-app redeliver</c> against the stand-in's delivery log: every delivery of the period that never got
/// a 2xx is redelivered once (its latest attempt), across pages of GitHub's cursor pagination; nothing else is.
/// </summary>
public sealed class GitHubAppRedeliverTests : IAsyncLifetime, IDisposable
{
    private readonly KelosCli _kelos = new();
    private GitHubStandIn _github = null!;
    private long _nextId = 1;

    public async Task InitializeAsync() => _github = await GitHubStandIn.StartAsync();

    public async Task DisposeAsync() => await _github.DisposeAsync();

    public void Dispose() => _kelos.Dispose();

    private DateTimeOffset Now => _github.Time.GetUtcNow();

    private IReadOnlyDictionary<string, string?> App => new Dictionary<string, string?>
    {
        ["KELOS_GITHUB_APP_ID"] = _github.AppId.ToString(CultureInfo.InvariantCulture),
        ["KELOS_GITHUB_PRIVATE_KEY_FILE"] = _kelos.Write("app.pem", _github.PrivateKeyPem),
        ["KELOS_GITHUB_API_URL"] = _github.BaseUrl.ToString(),
    };

    [Fact]
    public async Task Redeliver_FailedDeliveriesOfThePeriod_EachOnceAcrossPages()
    {
        // 150 answered 202 in the last 100 minutes push the failures below onto the second page.
        for (var i = 0; i < 150; i++)
        {
            Attempt($"ok-{i}", 202, Now.AddMinutes(-100 + (i / 2.0)));
        }

        var refused = Attempt("refused-503", 503, Now.AddMinutes(-110));
        var timedOut = Attempt("timed-out", 0, Now.AddMinutes(-108));
        Attempt("failed-then-redelivered", 503, Now.AddMinutes(-107));
        Attempt("failed-then-redelivered", 202, Now.AddMinutes(-106), redelivery: true);
        Attempt("failed-twice", 503, Now.AddMinutes(-105));
        var latest = Attempt("failed-twice", 500, Now.AddMinutes(-104), redelivery: true);
        Attempt("too-old", 503, Now.AddMinutes(-125));

        var result = await _kelos.RunAsync(["github-app", "redeliver", "--since", "2h"], TimeSpan.FromMinutes(1), App);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([refused, timedOut, latest], _github.RedeliveryRequests);
        Assert.Matches(@"DELIVERY\s+EVENT\s+LAST ATTEMPT\s+ANSWER\s+RESULT", result.OutputLines[0]);
        Assert.Matches(@"^refused-503\s+issue_comment\.created\s+1h50m ago\s+503\s+redelivered$", result.OutputLines[1]);
        Assert.Matches(@"^timed-out\s+issue_comment\.created\s+1h48m ago\s+no answer\s+redelivered$", result.OutputLines[2]);
        Assert.Matches(@"^failed-twice\s+issue_comment\.created\s+1h44m ago\s+500\s+redelivered$", result.OutputLines[3]);
        Assert.Matches(@"^Redelivered 3 of the 3 failed deliveries since \d{4}-\d\d-\d\d \d\d:\d\d UTC \(154 deliveries in all\)\.$", result.OutputLines[4]);
        Assert.Contains(_github.Calls, c => c.ApiPath == "/app/hook/deliveries" && c.Query.Contains("cursor=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Redeliver_DryRun_ListsAndRedeliversNothing()
    {
        Attempt("refused-503", 503, Now.AddMinutes(-5));

        var result = await _kelos.RunAsync(["github-app", "redeliver", "--dry-run"], TimeSpan.FromMinutes(1), App);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(_github.RedeliveryRequests);
        Assert.Matches(@"^refused-503\s+issue_comment\.created\s+5m\d+s ago\s+503\s+would redeliver$", result.OutputLines[1]);
        Assert.Contains("1 of 1 deliveries since", result.OutputLines[2], StringComparison.Ordinal);
        Assert.EndsWith("failed; none redelivered (--dry-run).", result.OutputLines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redeliver_NothingFailed_SaysSo()
    {
        Attempt("ok", 202, Now.AddMinutes(-5));

        var result = await _kelos.RunAsync(["github-app", "redeliver"], TimeSpan.FromMinutes(1), App);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^No failed deliveries since .* UTC \(1 deliveries, all answered 2xx\)\.$", Assert.Single(result.OutputLines));
    }

    [Fact]
    public async Task Redeliver_NoAppId_OneLineErrorNamingTheVariable()
    {
        var environment = new Dictionary<string, string?>(App) { ["KELOS_GITHUB_APP_ID"] = null };

        var result = await _kelos.RunAsync(["github-app", "redeliver"], TimeSpan.FromMinutes(1), environment);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: The GitHub App id is missing or not a positive number: set KELOS_GITHUB_APP_ID.", result.StandardError.Trim());
    }

    [Fact]
    public async Task Redeliver_BadSince_OneLineError()
    {
        var result = await _kelos.RunAsync(["github-app", "redeliver", "--since", "two hours"], TimeSpan.FromMinutes(1), App);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: --since \"two hours\" is not a duration", result.StandardError.Trim(), StringComparison.Ordinal);
    }

    private long Attempt(string deliveryId, int status, DateTimeOffset at, bool redelivery = false)
    {
        var id = _nextId++;
        _github.AddDelivery(new StandInDelivery(id, deliveryId, "issue_comment", "created", status, redelivery, at));
        return id;
    }
}
