namespace Kelos.Controller.Scheduling;

/// <summary>What to do with one unfinished Task now.</summary>
public enum TaskAction
{
    Start,
    Wait,
    Fail,
    Cancel,
}

/// <summary>A decision and the reason a person reads in the Task's status.</summary>
public sealed record TaskDecision(string TaskName, TaskAction Action, string Message);
