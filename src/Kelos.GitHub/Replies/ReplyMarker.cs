namespace Kelos.GitHub.Replies;

/// <summary>The hidden marker the code (never a template) adds to each answer, so it is found again and never posted twice.</summary>
public static class ReplyMarker
{
    public static string For(string key) => $"<!-- kelos:reply:{key} -->";
}
