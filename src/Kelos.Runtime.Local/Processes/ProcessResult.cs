namespace Kelos.Runtime.Local.Processes;

/// <summary>The exit code and output of a short command.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr);
