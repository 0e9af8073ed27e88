namespace Kelos.Runtime.Kubernetes;

/// <summary>
/// A Task that cannot become a Job, with the field at fault (e.g. <c>spec.podOverrides.volumes[0].name</c>), so
/// the controller can put the reason in the Task's status and the CLI can print it.
/// </summary>
public sealed class TaskJobException : Exception
{
    public TaskJobException(string field, string message)
        : base($"{field}: {message}")
    {
        Field = field;
    }

    public TaskJobException()
    {
        Field = "";
    }

    public TaskJobException(string message)
        : base(message)
    {
        Field = "";
    }

    public TaskJobException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "";
    }

    /// <summary>The field path at fault, or empty.</summary>
    public string Field { get; }
}
