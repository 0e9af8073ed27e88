using Kelos.Core.Commands;
using Kelos.Core.Resources;

namespace Kelos.Core.Triggers;

/// <summary>A spawner's <c>githubWebhook</c> source accepted an event.</summary>
/// <param name="FilterIndex">Index in <c>filters[]</c> of the first filter that matched; null when the source has none.</param>
/// <param name="Filter">That filter, or null.</param>
/// <param name="Command">The command the event was matched for, or null.</param>
public sealed record TriggerMatch(int? FilterIndex, GitHubWebhookFilter? Filter, SlashCommand? Command);
