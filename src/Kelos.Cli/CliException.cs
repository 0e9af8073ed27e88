namespace Kelos.Cli;

/// <summary>An error the user can act on: printed as one line, exit code 1, no stack trace.</summary>
public sealed class CliException(string message) : Exception(message);
