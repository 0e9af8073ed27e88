namespace Kelos.Testing;

/// <summary>
/// Decides the scripted reply from the request alone, so parallel and retried calls need no server state:
/// the prompt's markers pick the scenario, and whether a tool result is already in the conversation picks the turn.
/// </summary>
internal static class ReplyPlanner
{
    public static ModelReply Plan(ModelRequest request)
    {
        var scenario = Scenario.FromPrompt(request.UserText);
        var firstTurn = request.ToolOutput is null && request.ShellTool is not null;
        return scenario.Name switch
        {
            ScenarioNames.Commit => firstTurn
                ? new ModelReply(ReplyKind.ToolCall, scenario.Command ?? ScenarioDefaults.CommitCommand)
                : Answer(scenario, request, ScenarioDefaults.CommitAnswer),
            ScenarioNames.Answer => Answer(scenario, request, ScenarioDefaults.Answer),
            ScenarioNames.Http401 => new ModelReply(ReplyKind.HttpError, "Invalid API key (scripted)", 401),
            ScenarioNames.Http500 => new ModelReply(ReplyKind.HttpError, "Internal server error (scripted)", 500),
            ScenarioNames.StopMidTool => firstTurn
                ? new ModelReply(ReplyKind.ToolCall, scenario.Command ?? ScenarioDefaults.StopMidToolCommand)
                : new ModelReply(ReplyKind.Unfinished, "I will now run the next step."),
            ScenarioNames.Slow => Answer(scenario, request, ScenarioDefaults.Answer) with { Kind = ReplyKind.Slow },
            ScenarioNames.WriteOutside => firstTurn
                ? new ModelReply(ReplyKind.ToolCall, scenario.Command ?? ScenarioDefaults.WriteOutsideCommand)
                : Answer(scenario, request, ScenarioDefaults.WriteOutsideAnswer),
            _ => new ModelReply(ReplyKind.HttpError, $"Unknown scripted scenario '{scenario.Name}'", 400),
        };
    }

    /// <summary>Plans the reply and, for <see cref="ReplyKind.Slow"/>, waits; null when the client hung up first.</summary>
    public static async Task<ModelReply?> PlanAsync(ModelRequest request, TimeSpan slowDelay, CancellationToken cancellationToken)
    {
        var reply = Plan(request);
        if (reply.Kind != ReplyKind.Slow)
        {
            return reply;
        }

        try
        {
            await Task.Delay(slowDelay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        return reply with { Kind = ReplyKind.Text };
    }

    private static ModelReply Answer(Scenario scenario, ModelRequest request, string defaultAnswer)
    {
        var text = (scenario.Answer ?? defaultAnswer).Replace("{output}", request.ToolOutput?.Trim() ?? string.Empty, StringComparison.Ordinal);
        return new ModelReply(ReplyKind.Text, text);
    }
}
