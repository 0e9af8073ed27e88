using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Kelos.Testing;

/// <summary>
/// <c>POST /v1/messages</c> (with or without <c>?beta=true</c>): the Anthropic Messages API as Claude Code and
/// OpenCode call it, streaming (SSE) or not.
/// </summary>
internal static class AnthropicMessagesEndpoint
{
    public static async Task HandleAsync(HttpContext context, TimeSpan slowDelay)
    {
        var abort = context.RequestAborted;
        var body = await context.Request.ReadJsonObjectAsync(abort);
        var request = Read(body);
        var reply = body is null ? ModelReply.NotJson : await ReplyPlanner.PlanAsync(request, slowDelay, abort);
        if (reply is null)
        {
            return;
        }

        var model = body.StringOf("model") ?? "claude-scripted";
        var toolName = request.ShellTool ?? "Bash";
        if (reply.Kind == ReplyKind.HttpError)
        {
            // Scripted errors are final: without this Claude Code retries even a 401, ten times with backoff.
            context.Response.Headers["x-should-retry"] = "false";
            await context.Response.WriteJsonAsync(reply.Status, Error(reply), abort);
        }
        else if (body.IsTrue("stream"))
        {
            await StreamAsync(context.Response, reply, model, toolName, abort);
        }
        else
        {
            await context.Response.WriteJsonAsync(StatusCodes.Status200OK, Message(reply, model, toolName), abort);
        }
    }

    internal static ModelRequest Read(JsonNode? body)
    {
        var userText = new List<string>();
        string? toolOutput = null;
        foreach (var message in body.ItemsOf("messages").Where(m => m.StringOf("role") == "user"))
        {
            if (message["content"] is JsonArray blocks)
            {
                foreach (var block in blocks)
                {
                    switch (block.StringOf("type"))
                    {
                        case "text":
                            userText.Add(block.StringOf("text") ?? string.Empty);
                            break;
                        case "tool_result":
                            toolOutput = block?["content"].TextOf();
                            break;
                        default:
                            break;
                    }
                }
            }
            else
            {
                userText.Add(message["content"].TextOf());
            }
        }

        var shellTool = body.ItemsOf("tools")
            .Select(tool => tool.StringOf("name"))
            .FirstOrDefault(name => string.Equals(name, "bash", StringComparison.OrdinalIgnoreCase));
        return new ModelRequest(string.Join("\n", userText), shellTool, toolOutput);
    }

    private static async Task StreamAsync(HttpResponse response, ModelReply reply, string model, string toolName, CancellationToken abort)
    {
        response.StartEventStream();
        await response.WriteEventAsync("message_start", new
        {
            type = "message_start",
            message = new
            {
                id = NewId("msg"),
                type = "message",
                role = "assistant",
                model,
                content = Array.Empty<object>(),
                stop_reason = (string?)null,
                stop_sequence = (string?)null,
                usage = Usage(outputTokens: 1),
            },
        }, abort);

        var isTool = reply.Kind == ReplyKind.ToolCall;
        object startBlock = isTool
            ? new { type = "tool_use", id = NewId("toolu"), name = toolName, input = new { } }
            : new { type = "text", text = string.Empty };
        await response.WriteEventAsync("content_block_start", new { type = "content_block_start", index = 0, content_block = startBlock }, abort);
        object delta = isTool
            ? new { type = "input_json_delta", partial_json = JsonSerializer.Serialize(ToolInput(reply)) }
            : new { type = "text_delta", text = reply.Text };
        await response.WriteEventAsync("content_block_delta", new { type = "content_block_delta", index = 0, delta }, abort);
        await response.WriteEventAsync("content_block_stop", new { type = "content_block_stop", index = 0 }, abort);
        await response.WriteEventAsync("message_delta", new
        {
            type = "message_delta",
            delta = new { stop_reason = StopReason(reply), stop_sequence = (string?)null },
            usage = Usage(ScriptedUsage.OutputTokens),
        }, abort);
        await response.WriteEventAsync("message_stop", new { type = "message_stop" }, abort);
    }

    private static object Message(ModelReply reply, string model, string toolName) => new
    {
        id = NewId("msg"),
        type = "message",
        role = "assistant",
        model,
        content = new[]
        {
            reply.Kind == ReplyKind.ToolCall
                ? (object)new { type = "tool_use", id = NewId("toolu"), name = toolName, input = ToolInput(reply) }
                : new { type = "text", text = reply.Text },
        },
        stop_reason = StopReason(reply),
        stop_sequence = (string?)null,
        usage = Usage(ScriptedUsage.OutputTokens),
    };

    private static object Error(ModelReply reply) => new
    {
        type = "error",
        error = new
        {
            type = reply.Status switch
            {
                StatusCodes.Status401Unauthorized => "authentication_error",
                StatusCodes.Status400BadRequest => "invalid_request_error",
                _ => "api_error",
            },
            message = reply.Text,
        },
    };

    private static object ToolInput(ModelReply reply) => new { command = reply.Text, description = ModelReply.ToolDescription };

    /// <summary>An unfinished reply claims <c>tool_use</c> without a tool call, so the agent stops mid-work.</summary>
    private static string StopReason(ModelReply reply) =>
        reply.Kind is ReplyKind.ToolCall or ReplyKind.Unfinished ? "tool_use" : "end_turn";

    private static object Usage(int outputTokens) => new
    {
        input_tokens = ScriptedUsage.InputTokens,
        cache_creation_input_tokens = 0,
        cache_read_input_tokens = 0,
        output_tokens = outputTokens,
    };

    private static string NewId(string prefix) => $"{prefix}_{Guid.NewGuid():N}";
}
