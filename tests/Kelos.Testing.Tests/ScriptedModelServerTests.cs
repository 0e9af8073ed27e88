using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Kelos.Testing.Tests;

/// <summary>The wire contract of the scripted model server, spoken to with a plain HTTP client.</summary>
public sealed class ScriptedModelServerTests
{
    private const string AnthropicToolsRequest = """
        {"model":"m","stream":true,"tools":[{"name":"Read"},{"name":"Bash"}],
         "messages":[{"role":"user","content":[{"type":"text","text":"Do it [[scenario:SCENARIO]]"}]}]}
        """;

    [Fact]
    public async Task StartAsync_BindsLoopbackPort()
    {
        await using var server = await ScriptedModelServer.StartAsync();

        Assert.Equal("127.0.0.1", server.BaseUrl.Host);
        Assert.NotEqual(0, server.BaseUrl.Port);
    }

    [Theory]
    [InlineData("HEAD", "api/hello")]
    [InlineData("GET", "v1/models")]
    [InlineData("GET", "v1/responses")]
    [InlineData("POST", "v1beta/models/gemini-2.5-flash:countTokens")]
    public async Task Request_OtherPaths_Answer404AndAreRecorded(string method, string path)
    {
        await using var server = await ScriptedModelServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(method, Assert.Single(server.Requests).Method);
    }

    [Fact]
    public async Task Messages_CommitScenario_StreamsBashToolCallWithFixedUsage()
    {
        await using var server = await ScriptedModelServer.StartAsync();

        var events = await PostEventsAsync(server, "v1/messages?beta=true", AnthropicToolsRequest.Replace("SCENARIO", "commit", StringComparison.Ordinal));

        Assert.Equal(
            ["message_start", "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop"],
            events.Select(e => e.Name));
        var block = events[1].Data.GetProperty("content_block");
        Assert.Equal("tool_use", block.GetProperty("type").GetString());
        Assert.Equal("Bash", block.GetProperty("name").GetString());
        var input = JsonDocument.Parse(events[2].Data.GetProperty("delta").GetProperty("partial_json").GetString()!).RootElement;
        Assert.Equal(ScenarioDefaults.CommitCommand, input.GetProperty("command").GetString());
        Assert.Equal("tool_use", events[4].Data.GetProperty("delta").GetProperty("stop_reason").GetString());
        Assert.Equal(ScriptedUsage.OutputTokens, events[4].Data.GetProperty("usage").GetProperty("output_tokens").GetInt32());
        Assert.Equal("/v1/messages", Assert.Single(server.Requests).Path);
        Assert.Equal("?beta=true", server.Requests[0].Query);
    }

    [Fact]
    public async Task Messages_Http401Scenario_AnswersAnthropicErrorBody()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseUrl };

        using var response = await client.PostAsync("v1/messages", Json(AnthropicToolsRequest.Replace("SCENARIO", "http401", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("error", body.GetProperty("type").GetString());
        Assert.Equal("authentication_error", body.GetProperty("error").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("v1/messages", "invalid_request_error")]
    [InlineData("v1/responses", "invalid_request_error")]
    [InlineData("v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", "INVALID_ARGUMENT")]
    public async Task Post_BodyNotJson_Answers400InTheProvidersErrorFormat(string path, string errorKind)
    {
        await using var server = await ScriptedModelServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseUrl };

        using var response = await client.PostAsync(path, Json("not json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(errorKind, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_UnknownScenario_Answers400NamingIt()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseUrl };

        using var response = await client.PostAsync("v1/messages", Json(AnthropicToolsRequest.Replace("SCENARIO", "nonsense", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("nonsense", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_AfterToolOutput_StreamsFinalMessageAndCompletedUsage()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        const string request = """
            {"model":"m","stream":true,"tools":[{"type":"function","name":"exec_command"}],
             "input":[{"type":"message","role":"user","content":[{"type":"input_text","text":"Do it [[answer:Saw {output}]]"}]},
                      {"type":"function_call","call_id":"c1","name":"exec_command","arguments":"{}"},
                      {"type":"function_call_output","call_id":"c1","output":"42"}]}
            """;

        var events = await PostEventsAsync(server, "v1/responses", request);

        Assert.Equal(
            ["response.created", "response.in_progress", "response.output_item.added", "response.content_part.added",
             "response.output_text.delta", "response.output_text.done", "response.content_part.done",
             "response.output_item.done", "response.completed"],
            events.Select(e => e.Name));
        Assert.Equal("Saw 42", events[5].Data.GetProperty("text").GetString());
        var usage = events[^1].Data.GetProperty("response").GetProperty("usage");
        Assert.Equal(ScriptedUsage.InputTokens, usage.GetProperty("input_tokens").GetInt32());
    }

    [Fact]
    public async Task GenerateContent_FirstTurn_AnswersRunShellCommandCall()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        const string request = """
            {"contents":[{"role":"user","parts":[{"text":"Do it"}]}],
             "tools":[{"functionDeclarations":[{"name":"run_shell_command"}]}]}
            """;

        using var response = await client.PostAsync("v1beta/models/gemini-2.5-flash:generateContent", Json(request));

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var candidate = body.GetProperty("candidates")[0];
        var call = candidate.GetProperty("content").GetProperty("parts")[0].GetProperty("functionCall");
        Assert.Equal("run_shell_command", call.GetProperty("name").GetString());
        Assert.Equal(ScenarioDefaults.CommitCommand, call.GetProperty("args").GetProperty("command").GetString());
        Assert.Equal("STOP", candidate.GetProperty("finishReason").GetString());
        Assert.Equal(ScriptedUsage.InputTokens, body.GetProperty("usageMetadata").GetProperty("promptTokenCount").GetInt32());
    }

    [Fact]
    public async Task GenerateContent_ResponseSchema_AnswersJsonFollowingIt()
    {
        await using var server = await ScriptedModelServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        const string request = """
            {"contents":[{"role":"user","parts":[{"text":"Who speaks next?"}]}],
             "generationConfig":{"responseMimeType":"application/json","responseJsonSchema":{"type":"OBJECT",
               "properties":{"reasoning":{"type":"STRING"},"next_speaker":{"type":"STRING","enum":["user","model"]},
                             "score":{"type":"INTEGER"}}}}}
            """;

        using var response = await client.PostAsync("v1beta/models/gemini-2.5-flash-lite:generateContent", Json(request));

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var text = body.GetProperty("candidates")[0].GetProperty("content").GetProperty("parts")[0].GetProperty("text").GetString()!;
        var answer = JsonDocument.Parse(text).RootElement;
        Assert.Equal("user", answer.GetProperty("next_speaker").GetString());
        Assert.Equal(JsonValueKind.String, answer.GetProperty("reasoning").ValueKind);
        Assert.Equal(JsonValueKind.Number, answer.GetProperty("score").ValueKind);
    }

    [Fact]
    public async Task Messages_SlowScenarioAbandonedByClient_ServerStopsPromptly()
    {
        var server = await ScriptedModelServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            client.PostAsync("v1/messages", Json(AnthropicToolsRequest.Replace("SCENARIO", "slow", StringComparison.Ordinal)), giveUp.Token));
        var stopwatch = Stopwatch.StartNew();
        await server.DisposeAsync();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"stopping took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Messages_SlowScenario_AnswersAfterTheConfiguredDelay()
    {
        await using var server = await ScriptedModelServer.StartAsync(new ScriptedModelServerOptions { SlowDelay = TimeSpan.FromMilliseconds(200) });

        var events = await PostEventsAsync(server, "v1/messages", AnthropicToolsRequest.Replace("SCENARIO", "slow", StringComparison.Ordinal));

        Assert.Equal(ScenarioDefaults.Answer, events[2].Data.GetProperty("delta").GetProperty("text").GetString());
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<List<(string Name, JsonElement Data)>> PostEventsAsync(ScriptedModelServer server, string path, string body)
    {
        using var client = new HttpClient { BaseAddress = server.BaseUrl };
        using var response = await client.PostAsync(path, Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = new List<(string, JsonElement)>();
        string? name = null;
        foreach (var line in (await response.Content.ReadAsStringAsync()).Split('\n'))
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add((name ?? string.Empty, JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone()));
            }
        }

        return events;
    }
}
