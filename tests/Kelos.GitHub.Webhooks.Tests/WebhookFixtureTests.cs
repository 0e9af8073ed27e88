using System.Net;
using System.Text.Json.Nodes;

namespace Kelos.GitHub.Webhooks.Tests;

/// <summary>Every real payload in the fixtures folder, signed, gets a 2xx; the handled ones are published.</summary>
public sealed class WebhookFixtureTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("kelos-webhook-fixtures-").FullName;
    private WebhookTestServer _server = null!;

    public async Task InitializeAsync() => _server = await WebhookTestServer.StartAsync(_root);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    public static TheoryData<string, string> Payloads()
    {
        var data = new TheoryData<string, string>();
        foreach (var (eventName, file) in WebhookPayloads.All())
        {
            data.Add(eventName, Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void Fixtures_AreThere()
    {
        Assert.True(WebhookPayloads.All().Count() >= 100, $"expected the real payloads in {WebhookPayloads.Root}");
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Post_RealPayloadSigned_2xxAndPublishedWhenHandled(string eventName, string file)
    {
        var body = WebhookPayloads.Read(eventName, file);
        var action = JsonNode.Parse(body)!["action"]?.GetValue<string>();

        using var response = await _server.PostAsync(eventName, body);

        var reason = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{eventName}/{file}: {(int)response.StatusCode} {reason}");
        if (HandledWebhookEvents.IsHandled(eventName, action))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var message = Assert.Single(_server.Messages);
            Assert.Equal(eventName, message.Event);
            Assert.Equal(action, message.Action);
        }
        else
        {
            Assert.Empty(_server.Messages);
        }
    }
}
