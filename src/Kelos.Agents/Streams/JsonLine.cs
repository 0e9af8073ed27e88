using System.Text.Json;

namespace Kelos.Agents.Streams;

/// <summary>Recognises the JSON object lines of an agent's stdout; anything else is plain output.</summary>
internal static class JsonLine
{
    /// <summary>Parses <paramref name="line"/> when it is one JSON object; the caller disposes the document.</summary>
    public static bool TryParse(string line, out JsonDocument document)
    {
        document = null!;
        var trimmed = line.AsSpan().Trim();
        if (trimmed.IsEmpty || trimmed[0] != '{')
        {
            return false;
        }

        try
        {
            var parsed = JsonDocument.Parse(line);
            if (parsed.RootElement.ValueKind != JsonValueKind.Object)
            {
                parsed.Dispose();
                return false;
            }

            document = parsed;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
