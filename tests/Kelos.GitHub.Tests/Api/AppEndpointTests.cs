using System.Text.Json;
using Octokit;

namespace Kelos.GitHub.Tests.Api;

public sealed class AppEndpointTests
{
    [Fact]
    public async Task Deliveries_ListAndRedeliver()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        harness.GitHub.AddDelivery(new Testing.GitHub.StandInDelivery(7, "guid-7", "issue_comment", "created", 503, false, harness.Time.GetUtcNow()));
        var connection = harness.Clients.CreateAppClient().Connection;

        // Octokit 14 has no model for hook deliveries: read the JSON as text.
        var listed = await connection.GetHtml(new Uri("app/hook/deliveries", UriKind.Relative), null);
        var status = await connection.Post(new Uri("app/hook/deliveries/7/attempts", UriKind.Relative), default);

        using var json = JsonDocument.Parse(listed.Body);
        var delivery = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("guid-7", delivery.GetProperty("guid").GetString());
        Assert.Equal(503, delivery.GetProperty("status_code").GetInt32());
        Assert.Equal(System.Net.HttpStatusCode.Accepted, status);
        Assert.Equal([7L], harness.GitHub.RedeliveryRequests);
    }

    [Fact]
    public async Task ManifestConversion_GivesTheAppsIdKeyAndSecretOnce()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        var code = harness.GitHub.CreateManifestCode();
        var anonymous = new GitHubClient(harness.Connections.Create(new Octokit.Internal.InMemoryCredentialStore(Credentials.Anonymous)));

        var app = await anonymous.GitHubApps.CreateAppFromManifest(code);

        Assert.Equal(harness.GitHub.AppId, app.Id);
        Assert.Equal(harness.GitHub.PrivateKeyPem, app.Pem);
        Assert.Equal(harness.GitHub.WebhookSecret, app.WebhookSecret);
        await Assert.ThrowsAsync<NotFoundException>(() => anonymous.GitHubApps.CreateAppFromManifest(code));
    }

    [Fact]
    public async Task AccessTokens_ByRepositoryId_NarrowsTheToken()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        var gadgets = harness.GitHub.AddRepository(GitHubAppHarness.OtherRepository);
        var connection = harness.Clients.CreateAppClient().Connection;

        await connection.Post<AccessToken>(
            new Uri($"app/installations/{harness.Installation.Id}/access_tokens", UriKind.Relative),
            $$$"""{"repository_ids":[{{{gadgets}}}],"permissions":{"issues":"read"}}""",
            "application/vnd.github+json",
            "application/json",
            (IDictionary<string, string>?)null,
            default);

        var token = Assert.Single(harness.GitHub.IssuedTokens);
        Assert.Equal(["gadgets"], token.Repositories!);
        Assert.Equal(new Dictionary<string, string> { ["issues"] = "read", ["metadata"] = "read" }, token.Permissions);
    }

    [Fact]
    public async Task ManifestForm_RedirectsWithACodeThatConverts()
    {
        await using var harness = await GitHubAppHarness.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = harness.GitHub.BaseUrl };
        const string manifest = """
            {"name":"kelos","url":"https://kelos.example.com","hook_attributes":{"url":"https://kelos.example.com/api/github/webhooks"},
             "redirect_url":"http://127.0.0.1:9/callback","public":false,"default_permissions":{"issues":"write"},"default_events":["issues"]}
            """;

        using var form = new FormUrlEncodedContent([new KeyValuePair<string, string>("manifest", manifest)]);
        using var answer = await http.PostAsync(new Uri("settings/apps/new?state=xyz", UriKind.Relative), form);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, answer.StatusCode);
        var location = answer.Headers.Location!;
        Assert.Equal("/callback", location.AbsolutePath);
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);
        Assert.Equal("xyz", query["state"]);
        Assert.Equal(manifest, Assert.Single(harness.GitHub.ReceivedManifests));
        var anonymous = new GitHubClient(harness.Connections.Create(new Octokit.Internal.InMemoryCredentialStore(Credentials.Anonymous)));
        Assert.Equal(harness.GitHub.AppId, (await anonymous.GitHubApps.CreateAppFromManifest(query["code"])).Id);
    }
}
