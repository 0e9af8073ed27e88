using Octokit.Webhooks.Events;
using Octokit.Webhooks.Events.Issues;

namespace Kelos.GitHub.Webhooks.Normalization;

/// <summary>
/// <c>issues</c>. Identity: the issue id for <c>opened</c>; issue and label for <c>labeled</c> (the same label
/// added to the same issue again within the ledger's retention is the same trigger, not a new one); the issue id
/// and its update time for <c>edited</c> and <c>reopened</c>, which can each happen many times.
/// </summary>
internal static class IssuesNormalizer
{
    public static NormalizedWebhook Normalize(WebhookEnvelope envelope, IssuesEvent payload)
    {
        var issue = payload.Issue;
        var subject = SubjectMapping.FromIssue(issue);
        if (envelope.Action == "labeled")
        {
            var label = payload is IssuesLabeledEvent { Label: { } added }
                ? added.Name
                : throw new InvalidWebhookPayloadException("issues labeled payload has no label");
            var repositoryId = payload.Repository?.Id ?? throw new InvalidWebhookPayloadException("issues payload has no repository");
            return new NormalizedWebhook(
                PayloadMapping.Message(envelope, payload, subject, label: label),
                PayloadMapping.Identity(envelope, repositoryId, subject.Number, label));
        }

        var identity = envelope.Action == "opened"
            ? PayloadMapping.Identity(envelope, issue.Id)
            : PayloadMapping.Identity(envelope, issue.Id, PayloadMapping.Stamp(issue.UpdatedAt));
        return new NormalizedWebhook(PayloadMapping.Message(envelope, payload, subject), identity);
    }
}
