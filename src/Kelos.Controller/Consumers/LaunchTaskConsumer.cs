using Kelos.Contracts;
using Kelos.Core.Loading;
using Kelos.Core.Resources;
using Kelos.Core.Store;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Kelos.Controller.Consumers;

/// <summary>
/// Creates the Task a <see cref="LaunchTask"/> carries. The Task's name is the idempotency key: a redelivered
/// message finds it there and creates nothing. A document that does not validate is a poison message.
/// </summary>
public sealed class LaunchTaskConsumer(IResourceStore store, ILogger<LaunchTaskConsumer> logger) : IConsumer<LaunchTask>
{
    public Task Consume(ConsumeContext<LaunchTask> context)
    {
        var loaded = ResourceLoader.LoadText(context.Message.TaskDocument, "launch-task");
        if (!loaded.Ok)
        {
            throw new InvalidOperationException("LaunchTask carries an invalid Task: " + string.Join("; ", loaded.Errors));
        }

        foreach (var task in loaded.Resources.Select(r => r.Resource).OfType<KelosTask>())
        {
            if (store.Create(task))
            {
                logger.LogInformation("Task {TaskName} created for {RequestedBy}", task.Name, context.Message.RequestedBy);
            }
            else
            {
                logger.LogInformation("Task {TaskName} exists already; {RequestedBy}'s request creates nothing", task.Name, context.Message.RequestedBy);
            }
        }

        return Task.CompletedTask;
    }
}
