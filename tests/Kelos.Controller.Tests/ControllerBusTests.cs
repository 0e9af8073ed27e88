using Kelos.Contracts;
using Kelos.Core.Resources;
using Kelos.Core.Runtime;
using Kelos.Core.Store;
using Kelos.Runtime.Local;
using Kelos.Runtime.Local.State;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kelos.Controller.Tests;

/// <summary>The controller with its consumers on the MassTransit in-memory bus, as embedded mode wires it.</summary>
public sealed class ControllerBusTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("kelos-bus-").FullName;
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;
    private IResourceStore _store = null!;

    public async Task InitializeAsync()
    {
        var state = new StateDirectory(Path.Combine(_root, "state"));
        _store = new FileResourceStore(state, TimeProvider.System);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(_store)
            .AddSingleton<ITaskRuntime>(new LocalTaskRuntime(state, TimeProvider.System, null, NullLogger<LocalTaskRuntime>.Instance))
            .AddSingleton<IControllerLease>(new FileControllerLease(state, FileControllerLease.ServeRole))
            .AddKelosController(o => o.ResyncInterval = TimeSpan.FromMilliseconds(100));
        services.AddMassTransitTestHarness(bus => bus.AddControllerConsumers());
        _provider = services.BuildServiceProvider(validateScopes: true);
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
        foreach (var service in _provider.GetServices<IHostedService>().OfType<TaskController>())
        {
            await service.StartAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task LaunchTask_DeliveredTwice_OneTaskOneRunOneSuccessEvent()
    {
        var document = TaskDocument("launched", Script("echo hello"));

        await _harness.Bus.Publish(new LaunchTask(document, "alice"));
        await _harness.Bus.Publish(new LaunchTask(document, "alice"));

        Assert.True(await _harness.Published.Any<TaskSucceeded>(m => m.Context.Message.TaskName == "launched"));
        Assert.Equal(2, _harness.Consumed.Select<LaunchTask>().Count());
        Assert.Single(_store.List<KelosTask>());
        Assert.Single(_harness.Published.Select<TaskStarted>().ToList());
        Assert.Single(_harness.Published.Select<TaskSucceeded>().ToList());
        Assert.Equal(TaskPhase.Succeeded, _store.Find<KelosTask>("launched")!.Status!.Phase);
    }

    [Fact]
    public async Task CancelTask_RunningTask_CancelledEventWithRequester()
    {
        await _harness.Bus.Publish(new LaunchTask(TaskDocument("long", Script("echo started\nsleep 600")), "alice"));
        Assert.True(await _harness.Published.Any<TaskStarted>(m => m.Context.Message.TaskName == "long"));

        await _harness.Bus.Publish(new CancelTask("long", "bob"));

        Assert.True(await _harness.Published.Any<TaskCancelled>(m => m.Context.Message.TaskName == "long" && m.Context.Message.CancelledBy == "bob"));
        var status = _store.Find<KelosTask>("long")!.Status!;
        Assert.Equal(TaskPhase.Cancelled, status.Phase);
        Assert.Equal("Cancelled by bob", status.Message);
    }

    [Fact]
    public async Task LaunchTask_InvalidDocument_FaultsAndCreatesNothing()
    {
        await _harness.Bus.Publish(new LaunchTask("apiVersion: kelos.dev/v1alpha1\nkind: Task\nmetadata: { name: x }\nspec: { prompt: 1 }", "mallory"));

        Assert.True(await _harness.Published.Any<Fault<LaunchTask>>());
        Assert.Empty(_store.List<KelosTask>());
    }

    private string Script(string body)
    {
        var path = Path.Combine(_root, $"agent-{Guid.NewGuid():N}.sh");
        File.WriteAllText(path, "#!/usr/bin/env bash\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static string TaskDocument(string name, string image) => $"""
        apiVersion: kelos.dev/v1alpha1
        kind: Task
        metadata:
          name: {name}
        spec:
          type: claude-code
          prompt: do it
          image: {image}
          credentials:
            type: none
        """;

    public async Task DisposeAsync()
    {
        foreach (var service in _provider.GetServices<IHostedService>().OfType<TaskController>())
        {
            await service.StopAsync(CancellationToken.None);
        }

        await _harness.Stop();
        await _provider.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}
