using System.Text.Json.Nodes;

namespace Kelos.Testing.GitHub;

/// <summary>
/// The real <c>issue_comment</c> <c>created</c> payload (../shared/fixtures/github-webhooks) made to say that
/// <paramref name="sender"/> wrote <paramref name="body"/> as comment <paramref name="commentId"/> on an issue of a
/// repository of an installation the stand-in knows.
/// </summary>
public static class CommentPayloads
{
    public static JsonNode IssueCommentCreated(StandInInstallation installation, string repository, int issue, long commentId, string body, string sender)
    {
        ArgumentNullException.ThrowIfNull(installation);
        ArgumentNullException.ThrowIfNull(repository);
        var (owner, name) = (repository.Split('/')[0], repository.Split('/')[1]);
        var payload = JsonNode.Parse(File.ReadAllText(Fixture("issue_comment", "created.with-installation.payload.json")))!;
        payload["installation"]!["id"] = installation.Id;
        payload["repository"]!["name"] = name;
        payload["repository"]!["full_name"] = repository;
        payload["repository"]!["owner"]!["login"] = owner;
        payload["issue"]!["number"] = issue;
        payload["comment"]!["id"] = commentId;
        payload["comment"]!["body"] = body;
        payload["comment"]!["user"]!["login"] = sender;
        payload["sender"]!["login"] = sender;
        payload["sender"]!["type"] = "User";
        return payload;
    }

    /// <summary>The path of a fixture payload: <c>EVENT/FILE</c> under ../shared/fixtures/github-webhooks.</summary>
    public static string Fixture(string eventName, string file) =>
        Path.Combine(RepositoryRoot.Find(), "..", "shared", "fixtures", "github-webhooks", eventName, file);
}
