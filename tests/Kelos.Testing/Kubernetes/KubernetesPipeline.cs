using Microsoft.AspNetCore.Http;

namespace Kelos.Testing.Kubernetes;

/// <summary>
/// Runs around every request: buffers the body, plays the delays and failures a test asked for, and records the call
/// (when the answer starts, so a long watch is visible while it is open).
/// </summary>
internal sealed class KubernetesPipeline(KubernetesState state)
{
    private static string User(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { } value && value.StartsWith("Bearer ", StringComparison.Ordinal) ? value["Bearer ".Length..] : "";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.Body))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        context.Items[typeof(KubernetesPipeline)] = body;
        var path = request.Path.Value ?? "";
        var recorded = false;
        void Record()
        {
            lock (state.Gate)
            {
                if (!recorded)
                {
                    recorded = true;
                    state.Calls.Add(new KubernetesCall(request.Method, path, request.QueryString.Value ?? "", body, request.ContentType ?? "", context.Response.StatusCode, User(request)));
                }
            }
        }

        context.Response.OnStarting(() =>
        {
            Record();
            return Task.CompletedTask;
        });

        TimeSpan? delay;
        int? failure;
        lock (state.Gate)
        {
            delay = state.Knobs.TakeDelay(path);
            failure = state.Knobs.TakeFailure(request.Method, path);
        }

        try
        {
            if (delay is { } wait)
            {
                await Task.Delay(wait, context.RequestAborted);
            }

            if (failure is { } code)
            {
                if (code == StatusCodes.Status429TooManyRequests)
                {
                    context.Response.Headers.RetryAfter = "1";
                }

                await ApiResponse.WriteAsync(context, code, KubernetesStatus.Injected(code));
                return;
            }

            await next(context);
        }
        finally
        {
            Record();
        }
    }

    /// <summary>The request body the pipeline read.</summary>
    public static string Body(HttpContext context) => (string?)context.Items[typeof(KubernetesPipeline)] ?? "";
}
