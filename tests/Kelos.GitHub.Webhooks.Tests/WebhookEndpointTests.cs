using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kelos.Core.Deliveries;
using MassTransit;

namespace Kelos.GitHub.Webhooks.Tests;

/// <summary>The request path's status codes, as GitHub would see them.</summary>
public sealed class WebhookEndpointTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("kelos-webhook-").FullName;
    private WebhookTestServer _server = null!;

    public async Task InitializeAsync() => _server = await WebhookTestServer.StartAsync(_root);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private static byte[] IssueCommentCreated => WebhookPayloads.Read("issue_comment", "created.payload.json");

    [Fact]
    public async Task Post_SignedIssueComment_202AndOneMessage()
    {
        using var response = await _server.PostAsync("issue_comment", IssueCommentCreated);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Single(_server.Messages);
    }

    [Fact]
    public async Task Post_WrongSignature_401NothingPublished()
    {
        var wrong = WebhookSigner.Sign("not the secret", IssueCommentCreated);

        using var response = await _server.PostAsync("issue_comment", IssueCommentCreated, signature: wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_server.Messages);
    }

    [Fact]
    public async Task Post_BodyChangedAfterSigning_401()
    {
        var signature = WebhookSigner.Sign(WebhookTestServer.Secret, IssueCommentCreated);
        var tampered = IssueCommentCreated.Append((byte)' ').ToArray();

        using var response = await _server.PostAsync("issue_comment", tampered, signature: signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sha1=0123")]
    [InlineData("sha256=zz")]
    [InlineData("sha256=")]
    public async Task Post_MissingOrMalformedSignature_401(string? signature)
    {
        using var response = await _server.PostAsync("issue_comment", IssueCommentCreated, signature: signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_server.Messages);
    }

    [Fact]
    public async Task Post_DeclaredBodyOver25MB_413WithoutReadingIt()
    {
        var body = new byte[KelosWebhookOptions.DefaultMaxBodyBytes + 1];
        using var request = new HttpRequestMessage(HttpMethod.Post, KelosWebhookOptions.DefaultPath) { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-GitHub-Event", "issue_comment");
        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        request.Headers.Add("X-Hub-Signature-256", WebhookSigner.Sign(WebhookTestServer.Secret, body));
        request.Headers.ExpectContinue = true;

        using var response = await _server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverTheCap_413()
    {
        var root = Directory.CreateTempSubdirectory("kelos-webhook-cap-").FullName;
        await using var server = await WebhookTestServer.StartAsync(root, new Dictionary<string, string?> { ["Kelos:Webhooks:MaxBodyBytes"] = "100000" });
        var body = Encoding.UTF8.GetBytes("{\"pad\":\"" + new string('x', 200_000) + "\"}");
        using var request = new HttpRequestMessage(HttpMethod.Post, KelosWebhookOptions.DefaultPath) { Content = new StreamContent(new MemoryStream(body)) };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add("X-GitHub-Event", "issue_comment");
        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        request.Headers.Add("X-Hub-Signature-256", WebhookSigner.Sign(WebhookTestServer.Secret, body));

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Directory.Delete(root, recursive: true);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("payload=%7B%22action%22%3A%22created%22%7D")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"action\":\"created\"")]
    [InlineData("")]
    public async Task Post_NotAJsonObject_400WithReason(string body)
    {
        using var response = await _server.PostAsync("issue_comment", Encoding.UTF8.GetBytes(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("JSON", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_server.Messages);
    }

    [Fact]
    public async Task Post_IssueCommentWithoutComment_400NamingWhatIsMissing()
    {
        var payload = JsonNode.Parse(IssueCommentCreated)!.AsObject();
        payload.Remove("comment");

        using var response = await _server.PostAsync("issue_comment", Encoding.UTF8.GetBytes(payload.ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("comment", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_server.Messages);
    }

    [Theory]
    [InlineData("comment")]
    [InlineData("sender")]
    [InlineData("issue.user")]
    [InlineData("comment.body")]
    [InlineData("repository.owner")]
    public async Task Post_IssueCommentWithNullWhereAValueBelongs_400(string path)
    {
        var payload = JsonNode.Parse(IssueCommentCreated)!.AsObject();
        var parts = path.Split('.');
        var parent = parts[..^1].Aggregate((JsonNode)payload, (node, part) => node[part]!);
        parent[parts[^1]] = null;

        using var response = await _server.PostAsync("issue_comment", Encoding.UTF8.GetBytes(payload.ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_server.Messages);
    }

    [Fact]
    public async Task Post_HandledEventWithoutAction_400()
    {
        var payload = JsonNode.Parse(IssueCommentCreated)!.AsObject();
        payload.Remove("action");

        using var response = await _server.PostAsync("issue_comment", Encoding.UTF8.GetBytes(payload.ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_MissingEventHeader_400()
    {
        using var response = await _server.PostAsync(null, IssueCommentCreated);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("X-GitHub-Event", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MissingDeliveryHeader_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, KelosWebhookOptions.DefaultPath) { Content = new ByteArrayContent(IssueCommentCreated) };
        request.Headers.Add("X-GitHub-Event", "issue_comment");
        request.Headers.Add("X-Hub-Signature-256", WebhookSigner.Sign(WebhookTestServer.Secret, IssueCommentCreated));

        using var response = await _server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("X-GitHub-Delivery", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("push", "payload.json")]
    [InlineData("check_suite", "completed.payload.json")]
    [InlineData("sponsorship", null)]
    public async Task Post_EventKelosDoesNotHandle_202NothingPublished(string eventName, string? file)
    {
        var body = file is null ? "{\"action\":\"created\",\"whatever\":1}"u8.ToArray() : WebhookPayloads.Read(eventName, file);

        using var response = await _server.PostAsync(eventName, body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.StartsWith("ignored", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_server.Messages);
    }

    [Theory]
    [InlineData("issue_comment", "deleted.payload.json")]
    [InlineData("issues", "closed")]
    [InlineData("pull_request", "closed.payload.json")]
    [InlineData("check_run", "created.payload.json")]
    public async Task Post_ActionKelosDoesNotHandle_202NothingPublished(string eventName, string fileOrAction)
    {
        var body = fileOrAction.EndsWith(".json", StringComparison.Ordinal)
            ? WebhookPayloads.Read(eventName, fileOrAction)
            : Encoding.UTF8.GetBytes($"{{\"action\":\"{fileOrAction}\"}}");

        using var response = await _server.PostAsync(eventName, body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(_server.Messages);
    }

    [Fact]
    public async Task Post_NewActionGitHubMayAddOneDay_202()
    {
        var payload = JsonNode.Parse(IssueCommentCreated)!.AsObject();
        payload["action"] = "transmogrified";

        using var response = await _server.PostAsync("issue_comment", Encoding.UTF8.GetBytes(payload.ToJsonString()));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(_server.Messages);
    }

    [Fact]
    public async Task Post_Ping_200()
    {
        using var response = await _server.PostAsync("ping", WebhookPayloads.Read("ping", "payload.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_server.Messages);
    }

    [Fact]
    public async Task Post_SameDeliveryTwice_SecondIs200AndOneMessageInAll()
    {
        var delivery = Guid.NewGuid().ToString();

        using var first = await _server.PostAsync("issue_comment", IssueCommentCreated, delivery);
        using var second = await _server.PostAsync("issue_comment", IssueCommentCreated, delivery);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.StartsWith("duplicate", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(_server.Messages);
    }

    [Fact]
    public async Task Post_SameEventUnderANewDeliveryId_200AndOneMessageInAll()
    {
        using var first = await _server.PostAsync("issue_comment", IssueCommentCreated);
        using var second = await _server.PostAsync("issue_comment", IssueCommentCreated);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(_server.Messages);
    }

    [Fact]
    public async Task Post_SecondEditOfTheSameComment_IsANewEvent()
    {
        var edit = JsonNode.Parse(WebhookPayloads.Read("issue_comment", "edited.payload.json"))!.AsObject();
        using var first = await _server.PostAsync("issue_comment", Encoding.UTF8.GetBytes(edit.ToJsonString()));
        edit["comment"]!["updated_at"] = "2030-01-01T00:00:00Z";
        edit["comment"]!["body"] = "/kelos run edited again";

        using var second = await _server.PostAsync("issue_comment", Encoding.UTF8.GetBytes(edit.ToJsonString()));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(2, _server.Messages.Count);
    }

    [Fact]
    public async Task Post_PublishFails_503ThenTheRedeliveryIsAccepted()
    {
        var delivery = Guid.NewGuid().ToString();
        _server.Failure.Fail = true;

        using var failed = await _server.PostAsync("issue_comment", IssueCommentCreated, delivery);
        _server.Failure.Fail = false;
        using var redelivered = await _server.PostAsync("issue_comment", IssueCommentCreated, delivery);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, redelivered.StatusCode);
        Assert.Single(_server.Messages);
    }

    [Fact]
    public async Task Post_Published_202WithTheDeliveryAcceptedInTheLedger()
    {
        var delivery = Guid.NewGuid().ToString();

        using var response = await _server.PostAsync("issue_comment", IssueCommentCreated, delivery);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(DeliveryState.Accepted, Ledger(_server).StateOf(delivery, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Post_PublishNeverConfirmed_503AfterThePublishTimeoutAndRefusedInTheLedger()
    {
        var root = Directory.CreateTempSubdirectory("kelos-webhook-hang-").FullName;
        await using var server = await WebhookTestServer.StartAsync(root, new Dictionary<string, string?> { ["Kelos:Webhooks:PublishTimeout"] = "00:00:01" });
        var delivery = Guid.NewGuid().ToString();
        server.Failure.Hang = true;

        using var response = await server.PostAsync("issue_comment", IssueCommentCreated, delivery);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(DeliveryState.Refused, Ledger(server).StateOf(delivery, DateTimeOffset.UtcNow));
        Assert.Empty(server.Messages);
        Directory.Delete(root, recursive: true);
    }

    private static IDeliveryLedger Ledger(WebhookTestServer server) => (IDeliveryLedger)server.Services.GetService(typeof(IDeliveryLedger))!;

    [Fact]
    public async Task Post_RedeliveryAfterARestart_200NothingPublished()
    {
        var delivery = Guid.NewGuid().ToString();
        using var first = await _server.PostAsync("issue_comment", IssueCommentCreated, delivery);
        await _server.DisposeAsync();

        _server = await WebhookTestServer.StartAsync(_root);
        using var again = await _server.PostAsync("issue_comment", IssueCommentCreated, delivery);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Empty(_server.Messages);
    }

    [Fact]
    public async Task Post_FromThisAppsOwnBot_202NothingPublished()
    {
        var root = Directory.CreateTempSubdirectory("kelos-webhook-slug-").FullName;
        await using var server = await WebhookTestServer.StartAsync(root, new Dictionary<string, string?> { [KelosWebhookOptions.AppSlugVariable] = "kelos" });
        var payload = JsonNode.Parse(IssueCommentCreated)!.AsObject();
        payload["sender"]!["login"] = "kelos[bot]";
        payload["sender"]!["type"] = "Bot";

        using var response = await server.PostAsync("issue_comment", Encoding.UTF8.GetBytes(payload.ToJsonString()));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(server.Messages);
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task Post_ConfiguredPath_IsWherePostsGo()
    {
        var root = Directory.CreateTempSubdirectory("kelos-webhook-path-").FullName;
        await using var server = await WebhookTestServer.StartAsync(root, new Dictionary<string, string?> { [KelosWebhookOptions.PathVariable] = "/hooks/github" });

        using var moved = await server.PostAsync("issue_comment", IssueCommentCreated, path: "/hooks/github");
        using var old = await server.PostAsync("issue_comment", IssueCommentCreated, path: KelosWebhookOptions.DefaultPath);

        Assert.Equal(HttpStatusCode.Accepted, moved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task Healthz_WhileRunning_200()
    {
        using var response = await _server.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_BusStartedThenStopped_200Then503()
    {
        using var ready = await _server.Client.GetAsync("/readyz");
        await ((IBusControl)_server.Services.GetService(typeof(IBusControl))!).StopAsync();
        using var stopped = await _server.Client.GetAsync("/readyz");
        using var alive = await _server.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stopped.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task Logs_AfterGoodAndBadDeliveries_NeverHoldTheSecretOrThePayload()
    {
        using var good = await _server.PostAsync("issue_comment", IssueCommentCreated);
        using var bad = await _server.PostAsync("issue_comment", IssueCommentCreated, signature: WebhookSigner.Sign("wrong", IssueCommentCreated));
        _server.Failure.Fail = true;
        using var failed = await _server.PostAsync("issue_comment", WebhookPayloads.Read("issue_comment", "created.with-organization.payload.json"));

        Assert.NotEmpty(_server.Logs.Lines);
        Assert.DoesNotContain(_server.Logs.Lines, line => line.Contains(WebhookTestServer.Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(_server.Logs.Lines, line => line.Contains("You are totally right!", StringComparison.Ordinal));
    }
}
