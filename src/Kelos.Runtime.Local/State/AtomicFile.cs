namespace Kelos.Runtime.Local.State;

/// <summary>Whole-file writes that a crash can never leave half done: write a temporary file, flush, rename.</summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string content, UnixFileMode? mode = null)
    {
        // Named apart from the target so even a 253-character resource name stays within the file name limit.
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".tmp-{Guid.NewGuid():N}");
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            if (mode is { } m)
            {
                File.SetUnixFileMode(temp, m);
            }

            using var writer = new StreamWriter(stream);
            writer.Write(content);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }
}
