using Kelos.Controller.Configuration;
using Kelos.Core.Resources;
using Kelos.Runtime.Local.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kelos.Controller.Tests;

public sealed class ConfigDirectorySyncTests : IDisposable
{
    private const string Workspace = """
        apiVersion: kelos.dev/v1alpha1
        kind: Workspace
        metadata:
          name: app
        spec:
          repo: https://github.com/example/app.git
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("kelos-config-").FullName;
    private readonly FileResourceStore _store;
    private readonly ListLogger<ConfigDirectorySync> _log = new();
    private readonly ConfigDirectorySync _sync;

    public ConfigDirectorySyncTests()
    {
        _store = new FileResourceStore(new StateDirectory(Path.Combine(_root, "state")), TimeProvider.System);
        Directory.CreateDirectory(ConfigDir);
        _sync = new ConfigDirectorySync(_store, Options.Create(new ConfigDirectoryOptions { Path = ConfigDir }), _log);
    }

    private string ConfigDir => Path.Combine(_root, "config");

    [Fact]
    public void SyncOnce_ValidDirectory_Applied()
    {
        Write("workspace.yaml", Workspace);

        Assert.True(_sync.SyncOnce(ConfigDir));

        Assert.Equal("https://github.com/example/app.git", _store.Find<Workspace>("app")!.Spec.Repo);
    }

    [Fact]
    public void SyncOnce_FileBroken_ErrorsLoggedAndLastGoodStays()
    {
        Write("workspace.yaml", Workspace);
        _sync.SyncOnce(ConfigDir);
        Write("workspace.yaml", Workspace.Replace("repo:", "repoo:", StringComparison.Ordinal));

        Assert.False(_sync.SyncOnce(ConfigDir));

        Assert.Equal("https://github.com/example/app.git", _store.Find<Workspace>("app")!.Spec.Repo);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Error && e.Text.Contains("workspace.yaml:6:3: spec.repoo: unknown field", StringComparison.Ordinal));
        Assert.Contains(_log.Entries, e => e.Text.Contains("the last good configuration stays in force", StringComparison.Ordinal));
    }

    [Fact]
    public void SyncOnce_FileChanged_Reapplied()
    {
        Write("workspace.yaml", Workspace);
        _sync.SyncOnce(ConfigDir);
        Write("workspace.yaml", Workspace + "\n  ref: develop\n");

        Assert.True(_sync.SyncOnce(ConfigDir));

        Assert.Equal("develop", _store.Find<Workspace>("app")!.Spec.Ref);
    }

    [Fact]
    public void SyncOnce_FileRemoved_ItsResourcesPruned_OthersKept()
    {
        Write("workspace.yaml", Workspace);
        _sync.SyncOnce(ConfigDir);
        _store.Apply([new Workspace { ApiVersion = ResourceKinds.V1Alpha1, Kind = ResourceKinds.Workspace, Metadata = new() { Name = "by-hand" }, Spec = new() { Repo = "https://example.com/x.git" } }]);
        File.Delete(Path.Combine(ConfigDir, "workspace.yaml"));
        Write("other.yaml", Workspace.Replace("name: app", "name: other", StringComparison.Ordinal));

        _sync.SyncOnce(ConfigDir);

        Assert.Null(_store.Find<Workspace>("app"));
        Assert.NotNull(_store.Find<Workspace>("other"));
        Assert.NotNull(_store.Find<Workspace>("by-hand"));
    }

    [Fact]
    public void SyncOnce_TaskInDirectory_RefusedNothingApplied()
    {
        Write("workspace.yaml", Workspace);
        Write("task.yaml", """
            apiVersion: kelos.dev/v1alpha1
            kind: Task
            metadata:
              name: sneaky
            spec:
              type: codex
              prompt: x
              credentials: { type: none }
            """);

        Assert.False(_sync.SyncOnce(ConfigDir));

        Assert.Null(_store.Find<Workspace>("app"));
        Assert.Contains(_log.Entries, e => e.Text.Contains("task.yaml:1: Tasks do not belong in the configuration directory", StringComparison.Ordinal));
    }

    private void Write(string name, string content)
    {
        var path = Path.Combine(ConfigDir, name);
        File.WriteAllText(path, content);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(Random.Shared.Next(1, 1000)));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
