namespace Kelos.Core.Resources;

/// <summary>The phases of a Task: upstream's five plus <c>Cancelled</c>.</summary>
public static class TaskPhase
{
    public const string Pending = "Pending";
    public const string Waiting = "Waiting";
    public const string Running = "Running";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string Cancelled = "Cancelled";

    public static bool IsFinished(string? phase) => phase is Succeeded or Failed or Cancelled;
}
