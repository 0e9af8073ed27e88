using System.Text;
using System.Text.RegularExpressions;

namespace Kelos.Core.Triggers;

/// <summary>
/// Branch patterns of webhook filters: <c>*</c> matches within one path segment (not <c>/</c>), <c>**</c> matches
/// across segments, <c>?</c> matches one character other than <c>/</c>; everything else is literal and case-sensitive,
/// as git branch names are. <c>release/*</c> matches <c>release/1.2</c> (as upstream's Go <c>filepath.Match</c> does)
/// but not <c>release/1.2/hotfix</c>, which <c>release/**</c> matches.
/// </summary>
internal static class BranchGlob
{
    public static bool IsMatch(string pattern, string branch)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                regex.Append(".*");
                i++;
            }
            else
            {
                regex.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        try
        {
            return Regex.IsMatch(branch, regex.Append('$').ToString(), RegexOptions.CultureInvariant, WebhookFilterMatcher.RegexTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
