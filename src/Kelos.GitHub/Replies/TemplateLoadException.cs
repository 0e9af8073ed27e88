namespace Kelos.GitHub.Replies;

/// <summary>A comment template that cannot be used; the message starts with <c>file:line:column</c>.</summary>
public sealed class TemplateLoadException : Exception
{
    public TemplateLoadException()
    {
    }

    public TemplateLoadException(string message)
        : base(message)
    {
    }

    public TemplateLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
