namespace Kelos.Controller;

/// <summary>Settings of the reconcile loop.</summary>
public sealed class ControllerOptions
{
    /// <summary>At most this many Tasks run at once; the rest wait with their queue position.</summary>
    public int MaxParallel { get; set; } = 4;

    /// <summary>
    /// When set, this controller acts only on this Task and the Tasks it depends on (<c>kelos run</c> running
    /// its own Task in-process); other Tasks are left to the controller that will run them.
    /// </summary>
    public string? OnlyTask { get; set; }

    /// <summary>How often the loop looks again when nothing changed (TTL, deadlines).</summary>
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromSeconds(1);
}
