using Kelos.Contracts;
using Kelos.Core.Resources;
using Kelos.Core.Runtime;
using Kelos.Core.Store;
using Kelos.Runtime.Local.State;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kelos.Controller.Tests;

/// <summary>
/// A controller that starts and finds a Task Running: embedded runs die with their process (the Task fails),
/// runs that survive restarts (Jobs) are followed again, never started twice.
/// </summary>
public sealed class ControllerRestartTests : IAsyncDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kelos-restart-").FullName;
    private readonly List<ServiceProvider> _providers = [];

    [Fact]
    public async Task Start_RunningTaskEmbeddedRuntime_FailsAndCleansUp()
    {
        var store = StoreWithRunningTask();
        var runtime = new ScriptedRuntime(survivesRestart: false);

        var harness = await StartControllerAsync(store, runtime);

        Assert.True(await harness.Published.Any<TaskFailed>(m => m.Context.Message.TaskName == "running"));
        var status = store.Find<KelosTask>("running")!.Status!;
        Assert.Equal(TaskPhase.Failed, status.Phase);
        Assert.StartsWith("Kelos was restarted while this Task was running", status.Message, StringComparison.Ordinal);
        Assert.Equal(["running"], runtime.CleanedUp);
        Assert.Empty(runtime.Started);
    }

    [Fact]
    public async Task Start_RunningTaskSurvivingRuntime_FollowsItAgainAndRecordsItsEnd()
    {
        var store = StoreWithRunningTask();
        var runtime = new ScriptedRuntime(survivesRestart: true);

        var harness = await StartControllerAsync(store, runtime);
        Assert.Equal("running", await runtime.FirstStart.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        runtime.Finish("running", new TaskRunResult(TaskRunOutcome.Succeeded, "The agent finished", ["branch: b"], new Dictionary<string, string> { ["branch"] = "b" }));

        Assert.True(await harness.Published.Any<TaskSucceeded>(m => m.Context.Message.TaskName == "running"));
        Assert.Equal(TaskPhase.Succeeded, store.Find<KelosTask>("running")!.Status!.Phase);
        Assert.Equal(["running"], runtime.Started);
        Assert.Empty(runtime.CleanedUp);
        Assert.False(await harness.Published.Any<TaskStarted>());
    }

    [Fact]
    public async Task Stop_SurvivingRuntime_LeavesTheRunGoingAndTheTaskRunning()
    {
        var store = StoreWithRunningTask();
        var runtime = new ScriptedRuntime(survivesRestart: true);
        var harness = await StartControllerAsync(store, runtime);
        await runtime.FirstStart.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await StopControllersAsync();

        Assert.Equal(TaskPhase.Running, store.Find<KelosTask>("running")!.Status!.Phase);
        Assert.False(await harness.Published.Any<TaskFailed>());
        Assert.False(await harness.Published.Any<TaskCancelled>());
    }

    private FileResourceStore StoreWithRunningTask()
    {
        var store = new FileResourceStore(new StateDirectory(Path.Combine(_root, "state")), TimeProvider.System);
        var task = TaskBuilder.Task("running", 0);
        task.Spec.Credentials = new Credentials { Type = "none" };
        Assert.True(store.Create(task));
        store.Update<KelosTask>("running", t =>
        {
            t.Status = new KelosTaskStatus { Phase = TaskPhase.Running, Message = "The agent is running (claude-code)" };
            return true;
        });
        return store;
    }

    private async Task<ITestHarness> StartControllerAsync(IResourceStore store, ITaskRuntime runtime)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(store)
            .AddSingleton(runtime)
            .AddSingleton<IControllerLease>(new FileControllerLease(new StateDirectory(Path.Combine(_root, "state")), FileControllerLease.ServeRole))
            .AddKelosController(o => o.ResyncInterval = TimeSpan.FromMilliseconds(100));
        services.AddMassTransitTestHarness(bus => bus.AddControllerConsumers());
        var provider = services.BuildServiceProvider(validateScopes: true);
        _providers.Add(provider);
        var harness = provider.GetRequiredService<ITestHarness>();
        // The harness starts every hosted service, the TaskController among them.
        await harness.Start();

        return harness;
    }

    private async Task StopControllersAsync()
    {
        foreach (var provider in _providers)
        {
            foreach (var service in provider.GetServices<IHostedService>().OfType<TaskController>())
            {
                await service.StopAsync(CancellationToken.None);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopControllersAsync();
        foreach (var provider in _providers)
        {
            await provider.GetRequiredService<ITestHarness>().Stop();
            await provider.DisposeAsync();
        }

        Directory.Delete(_root, recursive: true);
    }
}
