namespace Kelos.Core.Store;

/// <summary>A write the store refuses, such as a change to an existing Task's spec (Task specs are immutable).</summary>
public sealed class ResourceConflictException(string message) : Exception(message);
