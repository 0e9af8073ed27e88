using Kelos.Core.Loading.Source;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kelos.Core.Loading.Yaml;

/// <summary>
/// Parses a multi-document YAML (or JSON) text into node trees that keep line and column marks. The text is cut at
/// <c>---</c> lines and each document is parsed on its own, so a syntax error in one document does not hide the
/// others. Empty documents are skipped.
/// </summary>
internal static class YamlTextParser
{
    public static (IReadOnlyList<ParsedDocument> Documents, IReadOnlyList<YamlSyntaxError> Errors) Parse(string text)
    {
        var documents = new List<ParsedDocument>();
        var errors = new List<YamlSyntaxError>();
        foreach (var (chunk, lineOffset) in SplitDocuments(text))
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(chunk));
            }
            catch (YamlException e)
            {
                errors.Add(new YamlSyntaxError(ClampToChunk(chunk, (int)e.Start.Line, (int)e.Start.Column, lineOffset), Describe(e)));
            }

            documents.AddRange(stream.Documents.Where(d => !IsEmpty(d.RootNode)).Select(d => new ParsedDocument(d.RootNode, lineOffset)));
        }

        return (documents, errors);
    }

    /// <summary>
    /// Cuts the text before every line that starts a document (<c>---</c> at column 1). Such a line always starts a
    /// document in YAML, even inside a block scalar. Directive lines (<c>%YAML</c>) stay with the document they precede.
    /// </summary>
    private static IEnumerable<(string Chunk, int LineOffset)> SplitDocuments(string text)
    {
        var lines = text.Split('\n');
        var start = 0;
        var hasContent = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (IsDocumentStart(line) && hasContent && !OnlyDirectives(lines, start, i))
            {
                yield return (string.Join('\n', lines[start..i]), start);
                start = i;
            }

            hasContent = true;
        }

        yield return (string.Join('\n', lines[start..]), start);
    }

    /// <summary>
    /// An error found at the end of the input ("did not find expected ']'") is reported at the end of the document's
    /// last line rather than on the next document's <c>---</c>.
    /// </summary>
    private static SourcePosition ClampToChunk(string chunk, int line, int column, int lineOffset)
    {
        var lines = chunk.TrimEnd('\n', '\r').Split('\n');
        if (line <= lines.Length)
        {
            return new SourcePosition(line + lineOffset, column);
        }

        return new SourcePosition(lines.Length + lineOffset, lines[^1].TrimEnd('\r').Length + 1);
    }

    private static bool IsDocumentStart(string line) =>
        line.StartsWith("---", StringComparison.Ordinal) && (line.Length == 3 || char.IsWhiteSpace(line[3]));

    private static bool OnlyDirectives(string[] lines, int start, int end)
    {
        var directive = false;
        for (var i = start; i < end; i++)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.StartsWith('%'))
            {
                directive = true;
            }
            else if (trimmed.Length > 0 && !trimmed.StartsWith('#'))
            {
                return false;
            }
        }

        return directive;
    }

    private static bool IsEmpty(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" } scalar && scalar.Tag.IsEmpty;

    private static string Describe(YamlException e)
    {
        const string duplicate = "Duplicate key ";
        var message = e.Message;
        if (message.StartsWith(duplicate, StringComparison.Ordinal))
        {
            return $"duplicate key \"{message[duplicate.Length..]}\"";
        }

        return $"YAML syntax error: {message}";
    }
}
