namespace Kelos.Core.Tests.Loading;

/// <summary>Paths of the YAML files copied next to the test assembly.</summary>
internal static class TestFiles
{
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([AppContext.BaseDirectory, "Yaml", .. parts]);
}
