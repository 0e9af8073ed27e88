using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Kelos.Testing;

/// <summary>
/// <c>POST /v1beta/models/{model}:streamGenerateContent</c> (SSE) and <c>:generateContent</c>: the Gemini API as
/// Gemini CLI calls it. Other model actions answer 404.
/// </summary>
internal static class GeminiEndpoint
{
    private const string ShellTool = "run_shell_command";

    public static async Task HandleAsync(HttpContext context, string target, TimeSpan slowDelay)
    {
        var abort = context.RequestAborted;
        var separator = target.LastIndexOf(':');
        var model = separator > 0 ? target[..separator] : target;
        var action = separator > 0 ? target[(separator + 1)..] : string.Empty;
        if (action is not ("streamGenerateContent" or "generateContent"))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var body = await context.Request.ReadJsonObjectAsync(abort);
        var reply = body is null ? ModelReply.NotJson : await ReplyPlanner.PlanAsync(Read(body), slowDelay, abort);
        if (reply is null)
        {
            return;
        }

        // Side calls (routing, next-speaker checks) ask for JSON that follows a schema.
        var schema = body?["generationConfig"]?["responseJsonSchema"] ?? body?["generationConfig"]?["responseSchema"];
        if (reply.Kind == ReplyKind.Text && schema is not null)
        {
            reply = reply with { Text = JsonSchemaSample.For(schema)?.ToJsonString() ?? "null" };
        }

        if (reply.Kind == ReplyKind.HttpError)
        {
            await context.Response.WriteJsonAsync(reply.Status, Error(reply), abort);
        }
        else if (action == "streamGenerateContent")
        {
            context.Response.StartEventStream();
            await context.Response.WriteEventAsync(null, Chunk(reply, model), abort);
        }
        else
        {
            await context.Response.WriteJsonAsync(StatusCodes.Status200OK, Chunk(reply, model), abort);
        }
    }

    internal static ModelRequest Read(JsonNode? body)
    {
        var userText = new List<string>();
        string? toolOutput = null;
        foreach (var content in body.ItemsOf("contents").Where(c => c.StringOf("role") is "user" or null))
        {
            foreach (var part in content.ItemsOf("parts"))
            {
                if (part.StringOf("text") is { } text)
                {
                    userText.Add(text);
                }
                else if (part["functionResponse"]?["response"] is { } response)
                {
                    toolOutput = response["output"]?.TextOf() ?? response.ToJsonString();
                }
            }
        }

        var offersShell = body.ItemsOf("tools")
            .SelectMany(tool => tool.ItemsOf("functionDeclarations"))
            .Any(declaration => declaration.StringOf("name") == ShellTool);
        return new ModelRequest(string.Join("\n", userText), offersShell ? ShellTool : null, toolOutput);
    }

    private static object Chunk(ModelReply reply, string model)
    {
        object part = reply.Kind == ReplyKind.ToolCall
            ? new { functionCall = new { name = ShellTool, args = new { command = reply.Text, description = ModelReply.ToolDescription } } }
            : new { text = reply.Text };
        return new
        {
            candidates = new[]
            {
                new
                {
                    content = new { role = "model", parts = new[] { part } },
                    // An unfinished stream is one chunk that never says it finished.
                    finishReason = reply.Kind == ReplyKind.Unfinished ? null : "STOP",
                    index = 0,
                },
            },
            usageMetadata = new
            {
                promptTokenCount = ScriptedUsage.InputTokens,
                candidatesTokenCount = ScriptedUsage.OutputTokens,
                totalTokenCount = ScriptedUsage.InputTokens + ScriptedUsage.OutputTokens,
            },
            modelVersion = model,
        };
    }

    private static object Error(ModelReply reply) => new
    {
        error = new
        {
            code = reply.Status,
            message = reply.Text,
            status = reply.Status switch
            {
                StatusCodes.Status401Unauthorized => "UNAUTHENTICATED",
                StatusCodes.Status400BadRequest => "INVALID_ARGUMENT",
                _ => "INTERNAL",
            },
        },
    };
}
