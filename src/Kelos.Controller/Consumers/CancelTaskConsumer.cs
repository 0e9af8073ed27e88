using Kelos.Contracts;
using Kelos.Core.Resources;
using Kelos.Core.Store;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Kelos.Controller.Consumers;

/// <summary>Marks a Task for cancellation; the controller stops it. Asking twice changes nothing.</summary>
public sealed class CancelTaskConsumer(IResourceStore store, ILogger<CancelTaskConsumer> logger) : IConsumer<CancelTask>
{
    public Task Consume(ConsumeContext<CancelTask> context)
    {
        var outcome = TaskCancellation.Request(store, context.Message.TaskName, context.Message.RequestedBy);
        logger.LogInformation("Cancel of Task {TaskName} by {RequestedBy}: {Outcome}", context.Message.TaskName, context.Message.RequestedBy, outcome);
        return Task.CompletedTask;
    }
}
