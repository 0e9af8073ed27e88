using Kelos.Core.Loading;
using Kelos.Core.Resources;

namespace Kelos.Core.Tests.Loading;

public class DirectoryLoadingTests
{
    [Fact]
    public void LoadPath_Directory_LoadsYamlYmlAndJsonRecursivelySortedByPath()
    {
        var result = ResourceLoader.LoadPath(TestFiles.Path("dir"));

        Assert.True(result.Ok, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(
            ["a-workspace.yaml", "b-tasks.yml", "nested/c-config.json"],
            result.Resources.Select(r => Path.GetRelativePath(TestFiles.Path("dir"), r.File).Replace('\\', '/')).Distinct());
        Assert.Equal(["web", "first", "second", "conventions"], result.Resources.Select(r => r.Resource.Name));
        Assert.Equal([4, 13], result.Resources.Where(r => r.Resource is KelosTask).Select(r => r.Line));
    }

    [Fact]
    public void LoadPath_DirectoryWithOneBrokenFile_ReturnsNoResources()
    {
        var result = ResourceLoader.LoadPath(TestFiles.Path("dir-broken"));

        Assert.Empty(result.Resources);
        var error = Assert.Single(result.Errors);
        Assert.Equal(TestFiles.Path("dir-broken", "b-bad.yaml"), error.File);
        Assert.Equal("spec.repo", error.Path);
    }

    [Fact]
    public void LoadPath_MissingPath_ReportsIt()
    {
        var result = ResourceLoader.LoadPath(TestFiles.Path("does-not-exist"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("no such file or directory", error.Message);
        Assert.Empty(result.Resources);
    }

    [Fact]
    public void LoadPath_DirectoryWithoutResourceFiles_ReportsIt()
    {
        var directory = Directory.CreateTempSubdirectory("kelos-empty-");
        try
        {
            var result = ResourceLoader.LoadPath(directory.FullName);

            Assert.Contains("no .yaml, .yml, .json files", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
