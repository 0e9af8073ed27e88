using System.Collections;

namespace Kelos.Core.Templating;

/// <summary>Go's truth rules for <c>if</c> and <c>with</c>: false, 0, nil, and empty strings, lists and maps are false.</summary>
internal static class GoTruth
{
    public static bool IsTrue(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        int i => i != 0,
        long l => l != 0,
        double d => d != 0,
        decimal m => m != 0,
        ICollection c => c.Count > 0,
        IEnumerable e => e.Cast<object?>().Any(),
        _ => true,
    };
}
