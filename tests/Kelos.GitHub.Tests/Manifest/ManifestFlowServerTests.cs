using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kelos.GitHub.Manifest;
using Kelos.Testing.GitHub;

namespace Kelos.GitHub.Tests.Manifest;

/// <summary>The local end of the manifest flow, in process, with GitHub's web form and API played by the stand-in.</summary>
public sealed partial class ManifestFlowServerTests : IAsyncLifetime, IDisposable
{
    private readonly HttpClient _browser = new();
    private readonly List<CreatedGitHubApp> _saved = [];
    private GitHubStandIn _github = null!;

    public async Task InitializeAsync() => _github = await GitHubStandIn.StartAsync();

    [Fact]
    public async Task OneClick_GitHubRedirectsBack_CredentialsSavedAndPageSaysSo()
    {
        await using var server = await StartAsync();

        var (action, manifest) = await ReadFormAsync(server.LocalUrl);
        var back = await _browser.PostAsync(action, new FormUrlEncodedContent([new("manifest", manifest)]));

        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Contains($"{_github.AppSlug} (id {_github.AppId})", await back.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var created = await server.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Same(created, Assert.Single(_saved));
        Assert.Equal(_github.AppId, created.Id);
        Assert.Equal(_github.AppSlug, created.Slug);
        Assert.Equal(_github.PrivateKeyPem, created.PrivateKeyPem);
        Assert.Equal(_github.WebhookSecret, created.WebhookSecret);
        Assert.Equal(server.Manifest.ToJsonString(), JsonNode.Parse(Assert.Single(_github.ReceivedManifests))!.ToJsonString());
        Assert.Equal(new Uri(server.LocalUrl, "/callback").ToString(), server.Manifest["redirect_url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Form_Organization_PostsToTheOrganizationsRegistration()
    {
        await using var server = await StartAsync(organization: "acme");

        var (action, _) = await ReadFormAsync(server.LocalUrl);

        Assert.Equal("/organizations/acme/settings/apps/new", action.AbsolutePath);
        Assert.StartsWith("?state=", action.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_WrongState_RefusedAndStillWaiting()
    {
        await using var server = await StartAsync();
        var code = _github.CreateManifestCode();

        var answer = await _browser.GetAsync(new Uri(server.LocalUrl, $"/callback?code={code}&state=forged"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.False(server.Completion.IsCompleted);
        Assert.Empty(_saved);
        Assert.DoesNotContain(_github.Calls, c => c.ApiPath.StartsWith("/app-manifests", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Callback_SecondTime_Conflict()
    {
        await using var server = await StartAsync();
        var (action, manifest) = await ReadFormAsync(server.LocalUrl);
        var first = await _browser.PostAsync(action, new FormUrlEncodedContent([new("manifest", manifest)]));

        var again = await _browser.GetAsync(first.RequestMessage!.RequestUri);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Single(_saved);
    }

    [Fact]
    public async Task Callback_CodeGitHubDoesNotKnow_FailsWithoutSaving()
    {
        await using var server = await StartAsync();
        var (action, _) = await ReadFormAsync(server.LocalUrl);
        var state = Uri.UnescapeDataString(action.Query["?state=".Length..]);

        var answer = await _browser.GetAsync(new Uri(server.LocalUrl, $"/callback?code=unknown&state={Uri.EscapeDataString(state)}"));

        Assert.Equal(HttpStatusCode.BadGateway, answer.StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => server.Completion.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Empty(_saved);
    }

    [Fact]
    public async Task Start_ListenWithoutPort_Refused()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => StartAsync(listen: "127.0.0.1"));

        Assert.Contains("HOST:PORT", e.Message, StringComparison.Ordinal);
    }

    private Task<ManifestFlowServer> StartAsync(string? organization = null, string listen = "127.0.0.1:0") => ManifestFlowServer.StartAsync(
        new ManifestFlowSettings(new Uri("https://kelos.example.com"), "Kelos Test", false, _github.BaseUrl, _github.BaseUrl, organization, listen),
        (app, _) =>
        {
            _saved.Add(app);
            return Task.CompletedTask;
        },
        CancellationToken.None);

    /// <summary>The one-click page's form: where it posts, and the manifest it carries.</summary>
    private async Task<(Uri Action, string Manifest)> ReadFormAsync(Uri page)
    {
        var html = await _browser.GetStringAsync(page);
        var action = WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value);
        var manifest = WebUtility.HtmlDecode(ManifestField().Match(html).Groups[1].Value);
        return (new Uri(action), manifest);
    }

    [GeneratedRegex("<form action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("name=\"manifest\" value=\"([^\"]+)\"")]
    private static partial Regex ManifestField();

    public async Task DisposeAsync() => await _github.DisposeAsync();

    public void Dispose() => _browser.Dispose();
}
