using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Kelos.Testing;

/// <summary>The JSON payloads of the OpenAI Responses API: output items, whole responses and error bodies.</summary>
internal static class OpenAIResponseItems
{
    /// <summary>Codex's "code mode" tool: a freeform tool whose input is JavaScript.</summary>
    public const string CodeModeTool = "exec";

    /// <summary>An output item: a function call, a code-mode call, or an assistant message.</summary>
    public static object Item(ModelReply reply, string toolName, string itemId, bool done)
    {
        var status = done ? "completed" : "in_progress";
        if (reply.Kind == ReplyKind.ToolCall && toolName == CodeModeTool)
        {
            return new
            {
                type = "custom_tool_call",
                id = itemId,
                call_id = "call_" + itemId,
                name = toolName,
                input = done ? Input(toolName, reply.Text) : string.Empty,
                status,
            };
        }

        if (reply.Kind == ReplyKind.ToolCall)
        {
            return new
            {
                type = "function_call",
                id = itemId,
                call_id = "call_" + itemId,
                name = toolName,
                arguments = done ? Input(toolName, reply.Text) : string.Empty,
                status,
            };
        }

        var content = done ? new object[] { TextPart(reply.Text) } : [];
        return new { type = "message", id = itemId, role = "assistant", status, content };
    }

    /// <summary>An <c>output_text</c> content part.</summary>
    public static object TextPart(string text) => new { type = "output_text", text, annotations = Array.Empty<object>() };

    /// <summary>The tool input in the shape each of Codex's shell tools takes (JSON arguments, or JavaScript).</summary>
    public static string Input(string toolName, string command) => toolName switch
    {
        CodeModeTool => $"const result = await tools.exec_command({{ cmd: {JsonSerializer.Serialize(command)} }});\ntext(result.output);",
        "shell" => JsonSerializer.Serialize(new { command = new[] { "bash", "-lc", command } }),
        "shell_command" => JsonSerializer.Serialize(new { command }),
        _ => JsonSerializer.Serialize(new { cmd = command }),
    };

    /// <summary>A whole response object; <c>usage</c> is present once it is completed.</summary>
    public static object Response(string id, string model, string status, object[] output) => new
    {
        id,
        @object = "response",
        created_at = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        status,
        model,
        output,
        usage = status == "completed"
            ? new
            {
                input_tokens = ScriptedUsage.InputTokens,
                input_tokens_details = new { cached_tokens = 0 },
                output_tokens = ScriptedUsage.OutputTokens,
                output_tokens_details = new { reasoning_tokens = 0 },
                total_tokens = ScriptedUsage.InputTokens + ScriptedUsage.OutputTokens,
            }
            : null,
    };

    /// <summary>An error body as the OpenAI API sends it.</summary>
    public static object Error(ModelReply reply) => new
    {
        error = new
        {
            message = reply.Text,
            type = reply.Status >= 500 ? "server_error" : "invalid_request_error",
            param = (string?)null,
            code = reply.Status == StatusCodes.Status401Unauthorized ? "invalid_api_key" : null,
        },
    };
}
