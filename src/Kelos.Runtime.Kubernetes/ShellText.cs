namespace Kelos.Runtime.Kubernetes;

/// <summary>Quoting for the small <c>sh</c> scripts of the init containers: user values only ever appear quoted.</summary>
internal static class ShellText
{
    /// <summary>The value in single quotes, with each <c>'</c> written as <c>'"'"'</c>.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "'\"'\"'", StringComparison.Ordinal) + "'";
}
