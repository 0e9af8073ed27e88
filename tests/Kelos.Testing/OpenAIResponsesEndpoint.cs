using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Kelos.Testing;

/// <summary><c>POST /v1/responses</c>: the OpenAI Responses API as Codex calls it (SSE), or non-streaming.</summary>
internal static class OpenAIResponsesEndpoint
{
    /// <summary>
    /// Codex's shell tools, most preferred first. <c>exec</c> is "code mode" (the default for Codex's newest models):
    /// a freeform tool taking JavaScript that calls <c>tools.exec_command</c>.
    /// </summary>
    private static readonly string[] ShellTools = ["exec_command", "shell_command", "shell", OpenAIResponseItems.CodeModeTool];

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

        var model = body.StringOf("model") ?? "gpt-scripted";
        if (reply.Kind == ReplyKind.HttpError)
        {
            await context.Response.WriteJsonAsync(reply.Status, OpenAIResponseItems.Error(reply), abort);
        }
        else if (body.IsTrue("stream"))
        {
            await StreamAsync(context.Response, reply, model, request.ShellTool ?? ShellTools[0], abort);
        }
        else
        {
            var item = OpenAIResponseItems.Item(reply, request.ShellTool ?? ShellTools[0], NewId("item"), done: true);
            var completed = OpenAIResponseItems.Response(NewId("resp"), model, "completed", [item]);
            await context.Response.WriteJsonAsync(StatusCodes.Status200OK, completed, abort);
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

        // Code mode lists its tools in an "additional_tools" input item, grouped in namespaces.
        var toolLists = body.ItemsOf("input").Where(item => item.StringOf("type") == "additional_tools").Append(body);
        var offered = toolLists.SelectMany(ToolNames).ToHashSet();
        var shellTool = ShellTools.FirstOrDefault(offered.Contains);
        return new ModelRequest(string.Join("\n", userText), shellTool, toolOutput);
    }

    private static IEnumerable<string> ToolNames(JsonNode? holder) =>
        holder.ItemsOf("tools").SelectMany(tool => tool.StringOf("type") == "namespace"
            ? ToolNames(tool)
            : tool.StringOf("name") is { } name ? [name] : []);

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
        var pending = OpenAIResponseItems.Response(responseId, model, "in_progress", []);
        await Send("response.created", new { response = pending });
        await Send("response.in_progress", new { response = pending });
        await Send("response.output_item.added", new { output_index = 0, item = OpenAIResponseItems.Item(reply, toolName, itemId, done: false) });
        if (reply.Kind == ReplyKind.ToolCall)
        {
            var input = OpenAIResponseItems.Input(toolName, reply.Text);
            var events = toolName == OpenAIResponseItems.CodeModeTool
                ? "response.custom_tool_call_input"
                : "response.function_call_arguments";
            await Send(events + ".delta", new { item_id = itemId, output_index = 0, delta = input });
            await Send(events + ".done", toolName == OpenAIResponseItems.CodeModeTool
                ? (object)new { item_id = itemId, output_index = 0, input }
                : new { item_id = itemId, output_index = 0, arguments = input });
        }
        else
        {
            await Send("response.content_part.added", new { item_id = itemId, output_index = 0, content_index = 0, part = OpenAIResponseItems.TextPart(string.Empty) });
            await Send("response.output_text.delta", new { item_id = itemId, output_index = 0, content_index = 0, delta = reply.Text });
            if (reply.Kind == ReplyKind.Unfinished)
            {
                // The stream ends here, before the response completes.
                return;
            }

            await Send("response.output_text.done", new { item_id = itemId, output_index = 0, content_index = 0, text = reply.Text });
            await Send("response.content_part.done", new { item_id = itemId, output_index = 0, content_index = 0, part = OpenAIResponseItems.TextPart(reply.Text) });
        }

        var item = OpenAIResponseItems.Item(reply, toolName, itemId, done: true);
        await Send("response.output_item.done", new { output_index = 0, item });
        await Send("response.completed", new { response = OpenAIResponseItems.Response(responseId, model, "completed", [item]) });
    }

    private static string NewId(string prefix) => $"{prefix}_{Guid.NewGuid():N}";
}
