using Kelos.Contracts;

namespace Kelos.GitHub.Webhooks.Normalization;

/// <summary>
/// A delivery ready to publish: the message, and the identity of the event it reports, which is the same when
/// the same event arrives twice under different delivery ids (an App webhook and a repository webhook).
/// </summary>
internal sealed record NormalizedWebhook(GitHubEventReceived Message, string Identity);
