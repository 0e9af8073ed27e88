namespace Kelos.Images.Tests;

/// <summary>
/// A script named like the real CLI (<c>claude</c>, <c>codex</c>, <c>gemini</c>, <c>opencode</c>, Cursor's
/// <c>agent</c>) that does what a real run does to the outside: commits a file in its working repository, prints a
/// recorded stream, and exits with a chosen code. It also records its arguments and environment, so tests can compare the command line with the C# adapter's.
/// </summary>
internal sealed class StubAgent : IDisposable
{
    private const string Script = """
        #!/usr/bin/env bash
        set -e
        printf '%s\0' "$@" >"$KELOS_STUB_DIR/args"
        env -0 >"$KELOS_STUB_DIR/env"
        printf '#!/bin/sh\necho hello\n' >hello.sh
        git add hello.sh
        git commit -q -m "Add hello script"
        cat "$KELOS_STUB_STREAM"
        exit "${KELOS_STUB_EXIT:-0}"
        """;

    private StubAgent(string directory)
    {
        Directory = directory;
    }

    /// <summary>Holds <c>bin/</c> (put it first on PATH) and what the stub recorded.</summary>
    public string Directory { get; }

    public string BinDirectory => Path.Combine(Directory, "bin");

    public bool Ran => File.Exists(Path.Combine(Directory, "args"));

    public static StubAgent Create(string cliName)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("kelos-stub-").FullName;
        var bin = System.IO.Directory.CreateDirectory(Path.Combine(directory, "bin")).FullName;
        var path = Path.Combine(bin, cliName);
        File.WriteAllText(path, Script.Replace("\r", "", StringComparison.Ordinal) + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new StubAgent(directory);
    }

    /// <summary>Adds another executable script to <see cref="BinDirectory"/> (e.g. a stub <c>gh</c>).</summary>
    public void AddTool(string name, string script)
    {
        var path = Path.Combine(BinDirectory, name);
        File.WriteAllText(path, script);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public IReadOnlyList<string> Arguments() =>
        File.ReadAllText(Path.Combine(Directory, "args")).Split('\0')[..^1];

    public IReadOnlyDictionary<string, string> Environment() =>
        File.ReadAllText(Path.Combine(Directory, "env"))
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0], StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Last()[1], StringComparer.Ordinal);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
