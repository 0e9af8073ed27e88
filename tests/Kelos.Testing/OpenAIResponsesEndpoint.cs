using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Kelos.Testing;

/// <summary><c>POST /v1/responses</c>: the OpenAI Responses API as Codex calls it (SSE), or non-streaming.</summary>
internal static class OpenAIResponsesEndpoint
{
    /// <summary>Codex's shell tools, most preferred first.</summary>
    private static readonly string[] ShellTools = ["exec_command", "shell_command", "shell"];

    public static async Task HandleAsync(HttpContext context, TimeSpan slowDelay)
    {
        var abort = context.RequestAborted;
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: abort);
        var request = Read(body);
        var reply = await ReplyPlanner.PlanAsync(request, slowDelay, abort);
        if (reply is null)
        {
            return;
        }

        var model = body.StringOf("model") ?? "gpt-scripted";
        if (reply.Kind == ReplyKind.HttpError)
        {
            await context.Response.WriteJsonAsync(reply.Status, Error(reply), abort);
        }
        else if (body.IsTrue("stream"))
        {
            await StreamAsync(context.Response, reply, model, request.ShellTool ?? ShellTools[0], abort);
        }
        else
        {
            var item = Item(reply, request.ShellTool ?? ShellTools[0], NewId("item"), done: true);
            await context.Response.WriteJsonAsync(StatusCodes.Status200OK, Response(NewId("resp"), model, "completed", [item]), abort);
        }
    }

    internal static ModelRequest Read(JsonNode? body)
    {
        var userText = new List<string>();
        string? toolOutput = null;
        foreach (var item in body.ItemsOf("input"))
        {
            var type = item.StringOf("type");
            if ((type is "message" or null) && item.StringOf("role") == "user")
            {
                userText.Add(item["content"].TextOf());
            }
            else if (type is "function_call_output" or "custom_tool_call_output")
            {
                toolOutput = item["output"].TextOf();
            }
        }

        var offered = body.ItemsOf("tools").Select(tool => tool.StringOf("name")).OfType<string>().ToHashSet();
        var shellTool = ShellTools.FirstOrDefault(offered.Contains);
        return new ModelRequest(string.Join("\n", userText), shellTool, toolOutput);
    }

    private static async Task StreamAsync(HttpResponse response, ModelReply reply, string model, string toolName, CancellationToken abort)
    {
        var responseId = NewId("resp");
        var itemId = NewId(reply.Kind == ReplyKind.ToolCall ? "fc" : "msg");
        var sequence = 0;
        Task Send(string type, object payload)
        {
            var data = JsonSerializer.SerializeToNode(payload)!.AsObject();
            data["type"] = type;
            data["sequence_number"] = sequence++;
            return response.WriteEventAsync(type, data, abort);
        }

        response.StartEventStream();
        var pending = Response(responseId, model, "in_progress", []);
        await Send("response.created", new { response = pending });
        await Send("response.in_progress", new { response = pending });
        await Send("response.output_item.added", new { output_index = 0, item = Item(reply, toolName, itemId, done: false) });
        if (reply.Kind == ReplyKind.ToolCall)
        {
            var arguments = Arguments(toolName, reply.Text);
            await Send("response.function_call_arguments.delta", new { item_id = itemId, output_index = 0, delta = arguments });
            await Send("response.function_call_arguments.done", new { item_id = itemId, output_index = 0, arguments });
        }
        else
        {
            var part = new { type = "output_text", text = string.Empty, annotations = Array.Empty<object>() };
            await Send("response.content_part.added", new { item_id = itemId, output_index = 0, content_index = 0, part });
            await Send("response.output_text.delta", new { item_id = itemId, output_index = 0, content_index = 0, delta = reply.Text });
            if (reply.Kind == ReplyKind.CutStream)
            {
                return;
            }

            await Send("response.output_text.done", new { item_id = itemId, output_index = 0, content_index = 0, text = reply.Text });
            await Send("response.content_part.done", new { item_id = itemId, output_index = 0, content_index = 0, part = part with { text = reply.Text } });
        }

        var item = Item(reply, toolName, itemId, done: true);
        await Send("response.output_item.done", new { output_index = 0, item });
        await Send("response.completed", new { response = Response(responseId, model, "completed", [item]) });
    }

    private static object Item(ModelReply reply, string toolName, string itemId, bool done)
    {
        var status = done ? "completed" : "in_progress";
        if (reply.Kind == ReplyKind.ToolCall)
        {
            return new
            {
                type = "function_call",
                id = itemId,
                call_id = "call_" + itemId,
                name = toolName,
                arguments = done ? Arguments(toolName, reply.Text) : string.Empty,
                status,
            };
        }

        var content = done
            ? new object[] { new { type = "output_text", text = reply.Text, annotations = Array.Empty<object>() } }
            : [];
        return new { type = "message", id = itemId, role = "assistant", status, content };
    }

    /// <summary>The function-call arguments in the shape each of Codex's shell tools takes.</summary>
    private static string Arguments(string toolName, string command) => JsonSerializer.Serialize<object>(toolName switch
    {
        "shell" => new { command = new[] { "bash", "-lc", command } },
        "shell_command" => new { command },
        _ => new { cmd = command },
    });

    private static object Response(string id, string model, string status, object[] output) => new
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

    private static object Error(ModelReply reply) => new
    {
        error = new
        {
            message = reply.Text,
            type = reply.Status switch
            {
                StatusCodes.Status401Unauthorized => "invalid_request_error",
                StatusCodes.Status400BadRequest => "invalid_request_error",
                _ => "server_error",
            },
            param = (string?)null,
            code = reply.Status == StatusCodes.Status401Unauthorized ? "invalid_api_key" : null,
        },
    };

    private static string NewId(string prefix) => $"{prefix}_{Guid.NewGuid():N}";
}
