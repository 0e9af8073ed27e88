using System.Text;

namespace Kelos.Core.Templating;

/// <summary>Maps Go template names to the snake_case names the Scriban variables use.</summary>
public static class GoNames
{
    /// <summary>
    /// <c>Title</c> → <c>title</c>, <c>RepositoryOwner</c> → <c>repository_owner</c>, <c>URL</c> → <c>url</c>,
    /// <c>HeadSHA</c> → <c>head_sha</c>, <c>CommentURL</c> → <c>comment_url</c>.
    /// </summary>
    public static string ToSnakeCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && name[i - 1] != '_' && StartsWord(name, i))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>A Go exported name (starts with an upper-case letter): the kind of name that gets snake_cased.</summary>
    public static bool IsExported(string name) => name.Length > 0 && char.IsUpper(name[0]);

    /// <summary>A name Scriban reads as a plain identifier after a dot.</summary>
    internal static bool IsScribanIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool StartsWord(string name, int i)
    {
        var previous = name[i - 1];
        if (char.IsLower(previous) || char.IsDigit(previous))
        {
            return true;
        }

        // The last capital of an acronym followed by a lower-case letter starts a new word: URLPath → url_path.
        return char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]);
    }
}
