using Kelos.Core.Loading;
using Kelos.Core.Resources;
using Kelos.Core.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kelos.Controller.Configuration;

/// <summary>
/// Keeps the configuration directory applied: loaded at start and again whenever a file in it changes. A
/// directory with any error is reported (every error, with file and line) and changes nothing: the last good
/// configuration stays in force. Resources that came from the directory and left it are deleted. Tasks do
/// not belong here (they are work, not configuration) and are refused.
/// </summary>
public sealed class ConfigDirectorySync(
    IResourceStore store,
    IOptions<ConfigDirectoryOptions> options,
    ILogger<ConfigDirectorySync> logger) : BackgroundService
{
    /// <summary>Marks a resource as applied from the configuration directory, so it can be pruned when it leaves.</summary>
    public const string SourceAnnotation = "kelos.dev/config-dir";

    private string? _lastFingerprint;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Path is not { Length: > 0 } dir)
        {
            return;
        }

        logger.LogInformation("Applying configuration from {ConfigDir}", dir);
        while (!stoppingToken.IsCancellationRequested)
        {
            SyncOnce(dir);
            await Task.Delay(options.Value.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Applies the directory if it changed since the last look; returns whether it applied.</summary>
    public bool SyncOnce(string dir)
    {
        var fingerprint = ConfigFingerprint.Of(dir);
        if (fingerprint == _lastFingerprint)
        {
            return false;
        }

        _lastFingerprint = fingerprint;
        var result = ResourceLoader.LoadPath(dir);
        var resources = result.Resources.Select(r => r.Resource).ToList();
        var tasks = result.Resources.Where(r => r.Resource is KelosTask).ToList();
        if (!result.Ok || tasks.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                logger.LogError("Configuration error: {Error}", error.ToString());
            }

            foreach (var task in tasks)
            {
                logger.LogError("Configuration error: {File}:{Line}: Tasks do not belong in the configuration directory; run them with kelos run or kelos apply", task.File, task.Line);
            }

            logger.LogError("The configuration in {ConfigDir} was not applied; the last good configuration stays in force", dir);
            return false;
        }

        foreach (var resource in resources)
        {
            resource.Metadata.Annotations ??= new Dictionary<string, string>();
            resource.Metadata.Annotations[SourceAnnotation] = "true";
        }

        var outcomes = store.Apply(resources);
        var changed = outcomes.Count(o => o != ApplyOutcome.Unchanged);
        var pruned = Prune(resources);
        logger.LogInformation("Configuration applied: {Count} resources, {Changed} created or changed, {Pruned} removed", resources.Count, changed, pruned);
        return true;
    }

    private int Prune(List<KelosResource> present)
    {
        var keep = present.Select(r => (r.Kind, r.Name)).ToHashSet();
        var pruned = 0;
        foreach (var resource in Managed())
        {
            if (!keep.Contains((resource.Kind, resource.Name)) && store.Delete(resource.Kind, resource.Name))
            {
                pruned++;
            }
        }

        return pruned;
    }

    private IEnumerable<KelosResource> Managed() =>
        store.List<TaskSpawner>().Cast<KelosResource>()
            .Concat(store.List<Workspace>())
            .Concat(store.List<AgentConfig>())
            .Concat(store.List<Secret>())
            .Where(r => r.Metadata.Annotations?.ContainsKey(SourceAnnotation) == true);
}
