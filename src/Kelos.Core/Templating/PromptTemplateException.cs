namespace Kelos.Core.Templating;

/// <summary>A prompt template that does not parse, translate or render. The message names line and column.</summary>
public sealed class PromptTemplateException : Exception
{
    public PromptTemplateException()
    {
    }

    public PromptTemplateException(string message)
        : base(message)
    {
    }

    public PromptTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PromptTemplateException(int line, int column, string problem, Exception? innerException = null)
        : base($"line {line}, column {column}: {problem}", innerException)
    {
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>1-based line in the template text, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column in the template text, or 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>The problem without the position.</summary>
    public string Problem { get; } = "";
}
