namespace Kelos.Core.Triggers;

/// <summary>A trigger that cannot become a Task (a template that does not render, a name that cannot be made valid).
/// The message is written for the person who triggered it: the front end replies with it on GitHub.</summary>
public sealed class TriggerException : Exception
{
    public TriggerException()
    {
    }

    public TriggerException(string message)
        : base(message)
    {
    }

    public TriggerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
