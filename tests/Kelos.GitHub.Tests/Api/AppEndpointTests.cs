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
}
