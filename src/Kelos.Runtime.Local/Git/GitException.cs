namespace Kelos.Runtime.Local.Git;

/// <summary>A git command that failed; the message is already free of secrets.</summary>
public sealed class GitException(string message) : Exception(message);
