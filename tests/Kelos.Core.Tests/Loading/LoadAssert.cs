using Kelos.Core.Loading;

namespace Kelos.Core.Tests.Loading;

/// <summary>Loads inline YAML as <c>test.yaml</c> and checks what users would see.</summary>
internal static class LoadAssert
{
    public const string File = "test.yaml";

    public static LoadResult Load(string yaml) => ResourceLoader.LoadText(yaml, File);

    /// <summary>The load fails with exactly one error, at this position and path, whose message contains the part.</summary>
    public static ValidationError SingleError(string yaml, int line, int column, string path, string messagePart)
    {
        var result = Load(yaml);
        Assert.Empty(result.Resources);
        var error = Assert.Single(result.Errors);
        At(error, line, column, path, messagePart);
        return error;
    }

    public static void At(ValidationError error, int line, int column, string path, string messagePart)
    {
        Assert.Equal($"{File}:{line}:{column}: {path}", $"{error.File}:{error.Line}:{error.Column}: {error.Path}");
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    /// <summary>The load succeeds with exactly one resource of this type.</summary>
    public static T Single<T>(string yaml)
    {
        var result = Load(yaml);
        Assert.True(result.Ok, string.Join(Environment.NewLine, result.Errors));
        return Assert.IsType<T>(Assert.Single(result.Resources).Resource);
    }
}
