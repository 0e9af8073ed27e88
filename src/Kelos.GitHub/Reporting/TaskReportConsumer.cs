using Kelos.Contracts;
using MassTransit;

namespace Kelos.GitHub.Reporting;

/// <summary>
/// The reporter on the bus: every lifecycle event of a Task leads to a report of the Task as it is now. A report
/// that fails (GitHub down) is retried by the bus, and the catch-up finishes it later if the retries run out.
/// </summary>
public sealed class TaskReportConsumer(TaskReporter reporter) :
    IConsumer<TaskCreated>,
    IConsumer<TaskWaiting>,
    IConsumer<TaskStarted>,
    IConsumer<TaskSucceeded>,
    IConsumer<TaskFailed>,
    IConsumer<TaskCancelled>
{
    public Task Consume(ConsumeContext<TaskCreated> context) => reporter.ReportAsync(context.Message.TaskName, context.CancellationToken);

    public Task Consume(ConsumeContext<TaskWaiting> context) => reporter.ReportAsync(context.Message.TaskName, context.CancellationToken);

    public Task Consume(ConsumeContext<TaskStarted> context) => reporter.ReportAsync(context.Message.TaskName, context.CancellationToken);

    public Task Consume(ConsumeContext<TaskSucceeded> context) => reporter.ReportAsync(context.Message.TaskName, context.CancellationToken);

    public Task Consume(ConsumeContext<TaskFailed> context) => reporter.ReportAsync(context.Message.TaskName, context.CancellationToken);

    public Task Consume(ConsumeContext<TaskCancelled> context) => reporter.ReportAsync(context.Message.TaskName, context.CancellationToken);
}
