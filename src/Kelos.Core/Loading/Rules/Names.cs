using System.Text.RegularExpressions;

namespace Kelos.Core.Loading.Rules;

/// <summary>The name rules: Kubernetes object names and names that become a path segment.</summary>
internal static partial class Names
{
    public const int MaxSubdomainLength = 253;

    public const string SubdomainRule =
        "use lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters";

    public const string PathSegmentRule = "use letters, digits, '.', '_' and '-', starting with a letter or digit";

    /// <summary>A DNS-1123 subdomain: what Kubernetes accepts as an object name.</summary>
    public static bool IsSubdomain(string name) => name.Length <= MaxSubdomainLength && SubdomainPattern().IsMatch(name);

    /// <summary>A name that is safe as one directory or file name.</summary>
    public static bool IsPathSegment(string name) => PathSegmentPattern().IsMatch(name);

    /// <summary>Reports an invalid object name (a reference to one included).</summary>
    public static void CheckSubdomain(RuleContext context, string path, string? name, string what)
    {
        if (name is null || name.Length == 0)
        {
            context.ErrorAtKey(path, $"{what} must not be empty");
        }
        else if (!IsSubdomain(name))
        {
            context.Error(path, $"invalid {what} \"{name}\": {SubdomainRule}");
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex SubdomainPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex PathSegmentPattern();
}
