using System.Security.Cryptography;
using System.Text;

namespace Kelos.Core.Triggers;

/// <summary>
/// Names of spawned Tasks. They are derived, never random, so the same work item cannot make two Tasks: the store
/// refuses the second create.
/// </summary>
public static class TaskNames
{
    /// <summary>A DNS-1123 label: what Jobs and Pods named after the Task need.</summary>
    public const int MaxLength = 63;

    private const int HashLength = 10;

    /// <summary><c>&lt;spawner&gt;-&lt;event&gt;-&lt;first 10 hex of SHA-256(workItemKey)&gt;</c>, sanitized.</summary>
    public static string Default(string spawner, string eventName, string workItemKey) =>
        Sanitize($"{spawner}-{eventName}-{Hash(workItemKey)}");

    /// <summary>
    /// A valid DNS-1123 label made from any text: lower-cased; every character other than <c>a-z</c>, <c>0-9</c> becomes
    /// <c>-</c>; runs of <c>-</c> become one; <c>-</c> trimmed from both ends. Longer than 63 characters, it keeps its
    /// first 52 and ends with <c>-</c> and 10 hex of the SHA-256 of the whole sanitized name, so two long names that
    /// differ only at the end stay apart. Empty when nothing usable is left.
    /// </summary>
    public static string Sanitize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            var valid = char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
            if (valid || (builder.Length > 0 && builder[^1] != '-'))
            {
                builder.Append(valid ? c : '-');
            }
        }

        var name = builder.ToString().TrimEnd('-');
        if (name.Length <= MaxLength)
        {
            return name;
        }

        var keep = MaxLength - HashLength - 1;
        return $"{name[..keep].TrimEnd('-')}-{Hash(name)}";
    }

    /// <summary>The first 10 lower-case hex digits of the SHA-256 of the UTF-8 text.</summary>
    public static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..HashLength];
}
