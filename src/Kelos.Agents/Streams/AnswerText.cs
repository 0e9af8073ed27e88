using System.Text;

namespace Kelos.Agents.Streams;

/// <summary>
/// Collects an agent's final answer when it arrives in pieces: text since the last tool call (or step) is the
/// answer; when the run ends on a tool call, the text before it is the best there is.
/// </summary>
internal sealed class AnswerText(string separator)
{
    private readonly StringBuilder current = new();
    private string? previous;

    public void Append(string text)
    {
        if (current.Length > 0 && separator.Length > 0)
        {
            current.Append(separator);
        }

        current.Append(text);
    }

    /// <summary>A tool call or a new step: what comes next is a new stretch of text.</summary>
    public void Break()
    {
        if (current.Length > 0)
        {
            previous = current.ToString();
            current.Clear();
        }
    }

    public string? Value => current.Length > 0 ? current.ToString() : previous;
}
