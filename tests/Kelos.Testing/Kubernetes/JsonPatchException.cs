namespace Kelos.Testing.Kubernetes;

/// <summary>A JSON patch operation that cannot be applied; the server answers 422 with its message.</summary>
internal sealed class JsonPatchException(string message) : Exception(message);
