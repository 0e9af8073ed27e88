namespace Kelos.Runtime.Local.Processes;

/// <summary>A command to run: never through a shell, with exactly the environment given (nothing inherited).</summary>
public sealed record ProcessSpec(
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment);
