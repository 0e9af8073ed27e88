using System.Text;

namespace Kelos.Cli.Output;

/// <summary>Reads the lines appended to a file since the last read (a file that does not exist yet has none).</summary>
public sealed class LogTail(string path)
{
    private long _offset;
    private string _partial = "";

    public IReadOnlyList<string> ReadNew()
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length < _offset)
        {
            _offset = 0;
            _partial = "";
        }

        stream.Seek(_offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = _partial + reader.ReadToEnd();
        _offset = stream.Length;
        var lines = text.Split('\n');
        _partial = lines[^1];
        return lines[..^1];
    }
}
