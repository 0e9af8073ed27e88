using Kelos.Agents;
using Kelos.Core.Resources;
using Kelos.Core.Text;

namespace Kelos.Cli.Output;

/// <summary>How a finished Task is shown: phase and message, then branch, commit, answer, tokens and cost.</summary>
public static class TaskSummary
{
    private const int MaxAnswerLines = 30;

    public static void Write(KelosTask task, TextWriter output)
    {
        var status = task.Status ?? new KelosTaskStatus();
        output.WriteLine($"{status.Phase}: {status.Message}");
        var results = status.Results ?? [];
        Line(output, "branch", results.GetValueOrDefault("branch"));
        Line(output, "commit", results.GetValueOrDefault("commit"));
        foreach (var pr in status.Outputs?.Where(o => o.StartsWith("pr: ", StringComparison.Ordinal)) ?? [])
        {
            Line(output, "pr", pr[4..]);
        }

        if (OutputsBlock.Answer(results) is { } answer)
        {
            var lines = answer.Split('\n');
            Line(output, "answer", lines[0]);
            foreach (var more in lines.Skip(1).Take(MaxAnswerLines - 1))
            {
                output.WriteLine($"           {more}");
            }

            if (lines.Length > MaxAnswerLines)
            {
                output.WriteLine($"           … ({lines.Length - MaxAnswerLines} more lines: kelos get task {task.Name} -o json)");
            }
        }

        if (status.Usage is { } usage && (usage.InputTokens is not null || usage.OutputTokens is not null))
        {
            Line(output, "tokens", $"{usage.InputTokens ?? 0} in, {usage.OutputTokens ?? 0} out");
        }

        Line(output, "cost", status.Usage?.CostUsd is { } cost ? "$" + cost : null);
        if (status.StartTime is { } start && status.CompletionTime is { } end)
        {
            Line(output, "duration", Age.Format(end - start));
        }
    }

    private static void Line(TextWriter output, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            output.WriteLine($"  {label,-8} {value}");
        }
    }
}
