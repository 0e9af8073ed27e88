namespace Kelos.Cli;

/// <summary>Where a command writes: results to stdout, errors and progress notes to stderr.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error);
