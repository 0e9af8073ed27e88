using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kelos.Testing;
using Kelos.Testing.GitHub;

namespace Kelos.Cli.Tests;

/// <summary>
/// <c>kelos github-app manifest</c> and <c>create</c>, run as a user runs them; GitHub's web form and API are the
/// stand-in, the browser is an HttpClient.
/// </summary>
public sealed partial class GitHubAppCommandTests : IAsyncLifetime, IDisposable
{
    private readonly KelosCli _kelos = new();
    private readonly HttpClient _browser = new();
    private GitHubStandIn _github = null!;

    public async Task InitializeAsync() => _github = await GitHubStandIn.StartAsync();

    [Fact]
    public async Task Manifest_PrintsWhatKelosNeeds()
    {
        var result = await _kelos.RunAsync("github-app", "manifest", "--url", "https://kelos.example.com", "--name", "Kelos Acme", "--public");

        Assert.Equal(0, result.ExitCode);
        var manifest = JsonNode.Parse(result.StandardOutput)!;
        Assert.Equal("Kelos Acme", manifest["name"]!.GetValue<string>());
        Assert.Equal("https://kelos.example.com", manifest["url"]!.GetValue<string>());
        Assert.Equal("https://kelos.example.com/api/github/webhooks", manifest["hook_attributes"]!["url"]!.GetValue<string>());
        Assert.Equal("http://127.0.0.1:8976/callback", manifest["redirect_url"]!.GetValue<string>());
        Assert.True(manifest["public"]!.GetValue<bool>());
        Assert.Equal("write", manifest["default_permissions"]!["pull_requests"]!.GetValue<string>());
        Assert.Equal("read", manifest["default_permissions"]!["members"]!.GetValue<string>());
        Assert.Contains("check_run", manifest["default_events"]!.AsArray().Select(e => e!.GetValue<string>()));
    }

    [Fact]
    public async Task Manifest_NoUrl_OneLineError()
    {
        var result = await _kelos.RunAsync("github-app", "manifest");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: Option '--url' is required (see kelos github-app manifest --help)", result.StandardError.Trim());
    }

    [Fact]
    public async Task Create_OneClickAgainstTheStandIn_WritesOwnerOnlySecretAndNextSteps()
    {
        var port = FreePort();
        var secretFile = Path.Combine(_kelos.Root, "kelos-github-app.yaml");
        var run = _kelos.RunAsync(
            ["github-app", "create", "--url", "https://kelos.example.com", "--github", _github.BaseUrl.ToString(), "--no-browser",
             "--listen", $"127.0.0.1:{port}", "--out", secretFile, "--timeout", "60"],
            TimeSpan.FromSeconds(90));
        var page = new Uri($"http://127.0.0.1:{port}/");

        var html = await GetWhenUpAsync(page, run);
        var action = new Uri(WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value));
        var manifest = WebUtility.HtmlDecode(ManifestField().Match(html).Groups[1].Value);
        var back = await _browser.PostAsync(action, new FormUrlEncodedContent([new("manifest", manifest)]));
        var result = await run;

        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal(new Uri(page, "/callback").AbsoluteUri, back.RequestMessage!.RequestUri!.GetLeftPart(UriPartial.Path));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(page.ToString(), result.StandardError, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secretFile));
        var yaml = await File.ReadAllTextAsync(secretFile);
        Assert.Contains("kind: Secret", yaml, StringComparison.Ordinal);
        Assert.Contains($"app-id: \"{_github.AppId}\"", yaml, StringComparison.Ordinal);
        Assert.Contains($"app-slug: \"{_github.AppSlug}\"", yaml, StringComparison.Ordinal);
        Assert.Contains($"webhook-secret: \"{_github.WebhookSecret}\"", yaml, StringComparison.Ordinal);
        Assert.Equal(_github.PrivateKeyPem.TrimEnd(), PrivateKey(yaml));
        Assert.Contains($"KELOS_GITHUB_APP_ID={_github.AppId}", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"KELOS_GITHUB_APP_SLUG={_github.AppSlug}", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"{_github.BaseUrl}apps/{_github.AppSlug}/installations/new", result.StandardOutput, StringComparison.Ordinal);
        foreach (var secret in new[] { _github.WebhookSecret, "PRIVATE KEY", _github.PrivateKeyPem.Split('\n')[1] })
        {
            Assert.DoesNotContain(secret, result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Create_NobodyComesBack_TimesOutWithOneLine()
    {
        var result = await _kelos.RunAsync(
            ["github-app", "create", "--url", "https://kelos.example.com", "--github", _github.BaseUrl.ToString(), "--no-browser",
             "--listen", "127.0.0.1:0", "--out", Path.Combine(_kelos.Root, "app.yaml"), "--timeout", "1s"],
            TimeSpan.FromSeconds(60));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: GitHub did not send the browser back to http://127.0.0.1:", result.StandardError.Split('\n')[^2], StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_kelos.Root, "app.yaml")));
    }

    [Fact]
    public async Task Create_OutExists_RefusedBeforeAnything()
    {
        var existing = _kelos.Write("app.yaml", "keep me");

        var result = await _kelos.RunAsync("github-app", "create", "--url", "https://kelos.example.com", "--no-browser", "--out", existing);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: {existing} exists; remove it or choose another --out", result.StandardError.Trim());
        Assert.Equal("keep me", await File.ReadAllTextAsync(existing));
    }

    /// <summary>The PEM in the Secret's literal block, unindented.</summary>
    private static string PrivateKey(string yaml)
    {
        var lines = yaml.Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimStart().StartsWith("private-key.pem: |", StringComparison.Ordinal));
        return string.Join('\n', lines.Skip(start + 1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal)).Select(l => l[4..]));
    }

    private async Task<string> GetWhenUpAsync(Uri page, Task<CommandResult> run)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                return await _browser.GetStringAsync(page);
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !run.IsCompleted)
            {
                await Task.Delay(100);
            }
            catch (HttpRequestException) when (run.IsCompleted)
            {
                throw new InvalidOperationException($"kelos github-app create ended first: {await run}");
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("<form action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("name=\"manifest\" value=\"([^\"]+)\"")]
    private static partial Regex ManifestField();

    public async Task DisposeAsync() => await _github.DisposeAsync();

    public void Dispose()
    {
        _browser.Dispose();
        _kelos.Dispose();
    }
}
