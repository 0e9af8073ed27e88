namespace Kelos.Controller.Configuration;

/// <summary>
/// <c>KELOS_CONFIG_DIR</c>: a directory of YAML (TaskSpawners, Workspaces, AgentConfigs, Secrets) that
/// <c>kelos serve</c> keeps applied, as <c>kubectl apply -f DIR --prune</c> would.
/// </summary>
public sealed class ConfigDirectoryOptions
{
    public const string EnvironmentVariable = "KELOS_CONFIG_DIR";

    public string? Path { get; set; }

    /// <summary>How often the directory is looked at again (file events are also watched).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
