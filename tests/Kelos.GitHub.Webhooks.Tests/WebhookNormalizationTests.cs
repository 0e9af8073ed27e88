using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kelos.Contracts;

namespace Kelos.GitHub.Webhooks.Tests;

/// <summary>What reaches the bus for the real payloads: the normalized <see cref="GitHubEventReceived"/>.</summary>
public sealed class WebhookNormalizationTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("kelos-webhook-normalize-").FullName;
    private WebhookTestServer _server = null!;

    public async Task InitializeAsync() => _server = await WebhookTestServer.StartAsync(_root);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private async Task<GitHubEventReceived> PublishAsync(string eventName, byte[] body, string? deliveryId = null)
    {
        using var response = await _server.PostAsync(eventName, body, deliveryId);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return _server.Messages[^1];
    }

    private Task<GitHubEventReceived> PublishAsync(string eventName, string file) => PublishAsync(eventName, WebhookPayloads.Read(eventName, file));

    [Fact]
    public async Task IssueCommentCreated_CarriesRepositorySenderIssueAndComment()
    {
        var delivery = Guid.NewGuid().ToString();

        var message = await PublishAsync("issue_comment", WebhookPayloads.Read("issue_comment", "created.payload.json"), delivery);

        Assert.Equal(delivery, message.DeliveryId);
        Assert.Equal("issue_comment", message.Event);
        Assert.Equal("created", message.Action);
        Assert.Equal(new GitHubRepositoryRef("Codertocat", "Hello-World", "master", false), message.Repository);
        Assert.Equal(new GitHubActor("Codertocat", 21031067, "User"), message.Sender);
        var subject = Assert.IsType<GitHubSubject>(message.Subject);
        Assert.Equal(1, subject.Number);
        Assert.False(subject.IsPullRequest);
        Assert.Equal("open", subject.State);
        Assert.Equal("Codertocat", subject.Author);
        Assert.Equal(["bug"], subject.Labels);
        Assert.Equal("https://github.com/Codertocat/Hello-World/issues/1", subject.Url);
        var comment = Assert.IsType<GitHubComment>(message.Comment);
        Assert.Equal(492700400, comment.Id);
        Assert.Equal("You are totally right! I'll get this fixed right away.", comment.Body);
        Assert.Equal("Codertocat", comment.Author);
        Assert.Equal("OWNER", comment.AuthorAssociation);
        Assert.Equal("https://github.com/Codertocat/Hello-World/issues/1#issuecomment-492700400", comment.Url);
        Assert.Null(message.InstallationId);
        Assert.True(DateTimeOffset.UtcNow - message.ReceivedAt < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task IssueCommentWithInstallation_CarriesTheInstallationId()
    {
        var message = await PublishAsync("issue_comment", "created.with-installation.payload.json");

        Assert.Equal(1, message.InstallationId);
    }

    [Fact]
    public async Task BotSender_IsTypedBot()
    {
        var payload = JsonNode.Parse(WebhookPayloads.Read("issue_comment", "created.payload.json"))!.AsObject();
        payload["sender"]!["login"] = "renovate[bot]";
        payload["sender"]!["type"] = "Bot";

        var message = await PublishAsync("issue_comment", Encoding.UTF8.GetBytes(payload.ToJsonString()));

        Assert.Equal(new GitHubActor("renovate[bot]", 21031067, "Bot"), message.Sender);
    }

    [Fact]
    public async Task PullRequestReviewComment_CarriesPathLineAndReview()
    {
        var message = await PublishAsync("pull_request_review_comment", "created.payload.json");

        var comment = Assert.IsType<GitHubComment>(message.Comment);
        Assert.Equal(284312630, comment.Id);
        Assert.Equal("README.md", comment.Path);
        Assert.Equal(265, comment.Line);
        Assert.Equal(237895671, comment.ReviewId);
        Assert.Null(comment.InReplyToId);
        var subject = Assert.IsType<GitHubSubject>(message.Subject);
        Assert.True(subject.IsPullRequest);
        Assert.Equal(2, subject.Number);
        Assert.Equal("changes", subject.HeadBranch);
        Assert.Equal("master", subject.BaseBranch);
    }

    [Fact]
    public async Task PullRequestReviewCommentReply_CarriesInReplyTo()
    {
        var payload = JsonNode.Parse(WebhookPayloads.Read("pull_request_review_comment", "created.payload.json"))!.AsObject();
        payload["comment"]!["in_reply_to_id"] = 284312000;

        var message = await PublishAsync("pull_request_review_comment", Encoding.UTF8.GetBytes(payload.ToJsonString()));

        Assert.Equal(284312000, message.Comment!.InReplyToId);
    }

    [Fact]
    public async Task PullRequestReviewSubmitted_CarriesBodyAndState()
    {
        var payload = JsonNode.Parse(WebhookPayloads.Read("pull_request_review", "submitted.payload.json"))!.AsObject();
        payload["review"]!["state"] = "changes_requested";
        payload["review"]!["body"] = "Please handle the empty case.";

        var message = await PublishAsync("pull_request_review", Encoding.UTF8.GetBytes(payload.ToJsonString()));

        var review = Assert.IsType<GitHubComment>(message.Comment);
        Assert.Equal(237895671, review.Id);
        Assert.Equal(237895671, review.ReviewId);
        Assert.Equal("changes_requested", review.ReviewState);
        Assert.Equal("Please handle the empty case.", review.Body);
    }

    [Fact]
    public async Task PullRequestOpened_CarriesHeadBaseAndDraft()
    {
        var message = await PublishAsync("pull_request", "opened.payload.json");

        var subject = Assert.IsType<GitHubSubject>(message.Subject);
        Assert.True(subject.IsPullRequest);
        Assert.Equal(2, subject.Number);
        Assert.False(subject.Draft);
        Assert.Equal("changes", subject.HeadBranch);
        Assert.Equal("master", subject.BaseBranch);
        Assert.Equal("Codertocat/Hello-World", subject.HeadRepository);
        Assert.Equal(message.Repository!.FullName, subject.HeadRepository);
        Assert.False(string.IsNullOrEmpty(subject.HeadSha));
    }

    [Fact]
    public async Task PullRequestFromAFork_HeadRepositoryDiffersFromTheBase()
    {
        var payload = JsonNode.Parse(WebhookPayloads.Read("pull_request", "opened.payload.json"))!.AsObject();
        var head = payload["pull_request"]!["head"]!;
        head["repo"]!["full_name"] = "mallory/Hello-World";
        head["repo"]!["name"] = "Hello-World";
        head["repo"]!["owner"]!["login"] = "mallory";
        head["label"] = "mallory:changes";

        var message = await PublishAsync("pull_request", Encoding.UTF8.GetBytes(payload.ToJsonString()));

        Assert.Equal("mallory/Hello-World", message.Subject!.HeadRepository);
        Assert.Equal("Codertocat/Hello-World", message.Repository!.FullName);
    }

    [Fact]
    public async Task PullRequestWhoseForkWasDeleted_HeadRepositoryIsNull()
    {
        var payload = JsonNode.Parse(WebhookPayloads.Read("pull_request", "opened.payload.json"))!.AsObject();
        payload["pull_request"]!["head"]!["repo"] = null;

        var message = await PublishAsync("pull_request", Encoding.UTF8.GetBytes(payload.ToJsonString()));

        Assert.Null(message.Subject!.HeadRepository);
    }

    [Theory]
    [InlineData("issues")]
    [InlineData("pull_request")]
    public async Task Labeled_CarriesTheLabel(string eventName)
    {
        var message = await PublishAsync(eventName, "labeled.payload.json");

        Assert.Equal("bug", message.Label);
        Assert.Contains("bug", message.Subject!.Labels);
    }

    [Fact]
    public async Task SameLabelOnTheSameIssueAgain_IsADuplicate()
    {
        await PublishAsync("issues", "labeled.payload.json");

        using var again = await _server.PostAsync("issues", WebhookPayloads.Read("issues", "labeled.payload.json"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(_server.Messages);
    }

    [Fact]
    public async Task CheckRunCompleted_CarriesNameConclusionAndHead()
    {
        var message = await PublishAsync("check_run", "completed.payload.json");

        Assert.Equal(new GitHubCheckRunRef(128620228, "Octocoders-linter", "success", "ec26c3e57ca3a959ca5aad62de7213c562f8c821", "changes"), message.CheckRun);
        Assert.Null(message.Subject);
    }

    [Fact]
    public async Task InstallationCreated_CarriesTheInstallationAndNoRepository()
    {
        var message = await PublishAsync("installation", "created.payload.json");

        Assert.Equal(957387, message.InstallationId);
        Assert.Null(message.Repository);
        Assert.Equal("created", message.Action);
    }

    [Fact]
    public async Task InstallationRepositoriesAdded_CarriesTheInstallation()
    {
        var message = await PublishAsync("installation_repositories", "added.payload.json");

        Assert.NotNull(message.InstallationId);
        Assert.Equal("added", message.Action);
    }
}
