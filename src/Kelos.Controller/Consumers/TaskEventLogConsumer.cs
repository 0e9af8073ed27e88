using Kelos.Contracts;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Kelos.Controller.Consumers;

/// <summary>Writes every Task lifecycle event to the log, so an operator sees what the bus carries.</summary>
public sealed class TaskEventLogConsumer(ILogger<TaskEventLogConsumer> logger) :
    IConsumer<TaskStarted>, IConsumer<TaskSucceeded>, IConsumer<TaskFailed>, IConsumer<TaskCancelled>
{
    public Task Consume(ConsumeContext<TaskStarted> context)
    {
        logger.LogInformation("Task {TaskName} is running ({AgentType}, branch {Branch})", context.Message.TaskName, context.Message.AgentType, context.Message.Branch);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<TaskSucceeded> context)
    {
        logger.LogInformation("Task {TaskName} succeeded ({InputTokens} in / {OutputTokens} out tokens)", context.Message.TaskName, context.Message.InputTokens, context.Message.OutputTokens);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<TaskFailed> context)
    {
        logger.LogWarning("Task {TaskName} failed: {Reason}", context.Message.TaskName, context.Message.Reason);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<TaskCancelled> context)
    {
        logger.LogInformation("Task {TaskName} cancelled by {CancelledBy}", context.Message.TaskName, context.Message.CancelledBy);
        return Task.CompletedTask;
    }
}
