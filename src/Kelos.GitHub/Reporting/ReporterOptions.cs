namespace Kelos.GitHub.Reporting;

/// <summary>How the reporter behaves; see docs/reporting.md.</summary>
public sealed class ReporterOptions
{
    /// <summary><c>KELOS_LOG_URL</c>: a link to a Task's logs, <c>{task}</c> replaced by its name (none when unset).</summary>
    public string? LogUrlTemplate { get; set; }

    /// <summary>The GitHub web address repositories live under (derived from the API address when unset).</summary>
    public Uri? WebBaseUrl { get; set; }

    /// <summary>How often finished Tasks whose report is behind are reported again (GitHub was down, Kelos died).</summary>
    public TimeSpan CatchUpInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many of the log's last lines a failed Task's comment shows.</summary>
    public int LogTailLines { get; set; } = 30;

    /// <summary>The check run's name on a pull request's head commit; <c>{spawner}</c> is replaced.</summary>
    public string CheckRunName { get; set; } = "kelos / {spawner}";
}
