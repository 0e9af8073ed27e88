using Kelos.Contracts;
using Kelos.Core.Installations;
using Kelos.GitHub.Auth;
using Kelos.GitHub.Webhooks;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Kelos.GitHub.Installations;

/// <summary>
/// Records where the App is installed, from <c>installation</c> (created, deleted, suspend, unsuspend,
/// new_permissions_accepted) and <c>installation_repositories</c> (added, removed). The message says only which
/// installation changed; what it is now is read from GitHub, so a redelivery, or events consumed out of order,
/// record the same state and write nothing new.
/// </summary>
public sealed class InstallationEventConsumer(
    InstallationLookup lookup,
    IInstallationStore store,
    InstallationTokenCache tokens,
    ILogger<InstallationEventConsumer> logger) : IConsumer<GitHubEventReceived>
{
    public async Task Consume(ConsumeContext<GitHubEventReceived> context)
    {
        var e = context.Message;
        if (e.Event is not (WebhookEventNames.Installation or WebhookEventNames.InstallationRepositories) || e.InstallationId is not { } id)
        {
            return;
        }

        // A changed installation (suspended, fewer repositories, permissions) makes a cached token stale.
        tokens.Invalidate(id);
        var uninstalled = e.Event == WebhookEventNames.Installation && e.Action == "deleted";
        var now = uninstalled ? null : await lookup.GetAsync(id, context.CancellationToken);
        var stored = store.Update(id, current => now is null
            ? InstallationChanges.Removed(current, e.ReceivedAt)
            : InstallationChanges.Apply(current, now, e.ReceivedAt));
        if (stored is not null)
        {
            logger.LogInformation(
                "Installation {InstallationId} on {Account} after {Event} {Action}: {Status}, {RepositoryCount} repositories",
                id, stored.Account, e.Event, e.Action, stored.Status, stored.Repositories.Count);
        }
    }
}
