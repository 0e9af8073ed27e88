namespace Kelos.Core.Tests.Templating;

/// <summary>The plain-value variables templates are rendered with in these tests.</summary>
internal static class TemplateVariables
{
    public static Dictionary<string, object?> Sample() => new()
    {
        ["title"] = "Fix login",
        ["body"] = "",
        ["number"] = 42,
        ["id"] = "20250131-0900",
        ["url"] = "https://github.com/acme/web/issues/42",
        ["head_sha"] = "abc123",
        ["repository_owner"] = "acme",
        ["repository_name"] = "web",
        ["labels"] = new List<object?> { "bug", "ui" },
        ["empty"] = new List<object?>(),
        ["comments"] = new List<object?>
        {
            new Dictionary<string, object?> { ["author"] = "ann", ["body"] = "please fix" },
            new Dictionary<string, object?> { ["author"] = "bob", ["body"] = "+1" },
        },
        ["deps"] = Deps(),
    };

    public static Dictionary<string, object?> Deps() => new()
    {
        ["scaffold"] = new Dictionary<string, object?>
        {
            ["name"] = "scaffold",
            ["results"] = new Dictionary<string, string> { ["branch"] = "feat/scaffold", ["pr"] = "https://github.com/acme/web/pull/7" },
            ["outputs"] = new List<string> { "branch: feat/scaffold", "pr: https://github.com/acme/web/pull/7" },
        },
    };
}
