using System.Text.Json.Nodes;

namespace Kelos.Testing.Kubernetes;

/// <summary>
/// A request the API server refuses: carries the <c>Status</c> object to answer with. Thrown by the store and caught by
/// the HTTP layer; a test helper that breaks a rule gets it too, with the server's message.
/// </summary>
public sealed class StatusException : Exception
{
    internal StatusException(JsonObject status)
        : base((string?)status["message"] ?? "Failure")
    {
        Status = status;
    }

    /// <summary>Creates one with a plain message (answered as 500 InternalError).</summary>
    public StatusException()
        : this(KubernetesStatus.Failure(500, "InternalError", "Internal error"))
    {
    }

    /// <summary>Creates one with a message (answered as 500 InternalError).</summary>
    public StatusException(string message)
        : this(KubernetesStatus.Failure(500, "InternalError", message))
    {
    }

    /// <summary>Creates one with a message and cause (answered as 500 InternalError).</summary>
    public StatusException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = KubernetesStatus.Failure(500, "InternalError", message);
    }

    /// <summary>The HTTP status code, e.g. 409.</summary>
    public int Code => (int?)Status["code"] ?? 500;

    /// <summary>The reason, e.g. <c>Conflict</c>.</summary>
    public string Reason => (string?)Status["reason"] ?? "";

    internal JsonObject Status { get; }
}
