using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Kelos.Testing.Kubernetes;

/// <summary>
/// <c>GET …/pods/{name}/log</c>: the container's log as <c>text/plain</c>, cut to <c>tailLines</c> and
/// <c>limitBytes</c>; with <c>follow=true</c> it streams what is appended until the container terminates, the Pod goes,
/// or the client hangs up. A container that has not started answers 400, as the kubelet does.
/// </summary>
internal sealed class PodLogResponder(KubernetesState state)
{
    public async Task RunAsync(HttpContext context, ObjectKey podKey)
    {
        var follow = Query.Flag(context, "follow");
        var tailLines = Query.Number(context, "tailLines");
        var limitBytes = Query.Number(context, "limitBytes");
        string container;
        string text;
        bool ended;
        Task changed;
        lock (state.Gate)
        {
            var pod = state.Store.Require(podKey);
            container = ResolveContainer(pod, (string?)context.Request.Query["container"]);
            CheckStarted(pod, container);
            text = state.Logs.Read(podKey.Namespace, podKey.Name, container);
            ended = Ended(podKey, container);
            changed = state.Logs.Changed;
        }

        var offset = text.Length;
        var first = tailLines is { } n ? Tail(text, n) : text;
        if (limitBytes is { } limit)
        {
            first = Truncate(first, limit);
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/plain";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, state.Stopping.Token);
        try
        {
            await context.Response.StartAsync(stop.Token);
            await WriteAsync(context, first, stop.Token);
            while (follow && !ended && limitBytes is null)
            {
                await changed.WaitAsync(stop.Token);
                string more;
                lock (state.Gate)
                {
                    var now = state.Logs.Read(podKey.Namespace, podKey.Name, container);
                    more = now.Length > offset ? now[offset..] : "";
                    offset = Math.Max(offset, now.Length);
                    ended = Ended(podKey, container);
                    changed = state.Logs.Changed;
                }

                await WriteAsync(context, more, stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client hung up, or the stand-in stopped.
        }
    }

    private static async Task WriteAsync(HttpContext context, string text, CancellationToken cancellationToken)
    {
        if (text.Length > 0)
        {
            await context.Response.WriteAsync(text, cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
        }
    }

    private bool Ended(ObjectKey podKey, string container) =>
        state.Store.Find(podKey) is not { } pod
        || PodContainers.IsFinished(pod)
        || PodContainers.State(pod, container)?.State == "terminated";

    private static string ResolveContainer(JsonObject pod, string? requested)
    {
        var containers = PodContainers.Names(pod);
        var init = PodContainers.Names(pod, "initContainers");
        if (string.IsNullOrEmpty(requested))
        {
            if (containers.Count == 1)
            {
                return containers[0];
            }

            var choices = $"a container name must be specified for pod {pod.Name()}, choose one of: [{string.Join(' ', containers)}]";
            throw KubernetesStatus.BadRequest(init.Count > 0 ? $"{choices} or one of the init containers: [{string.Join(' ', init)}]" : choices);
        }

        return containers.Contains(requested) || init.Contains(requested)
            ? requested
            : throw KubernetesStatus.BadRequest($"container {requested} is not valid for pod {pod.Name()}");
    }

    private static void CheckStarted(JsonObject pod, string container)
    {
        var state = PodContainers.State(pod, container);
        if (state is null || state.Value.State == "waiting")
        {
            var reason = state?.Reason ?? (PodContainers.IsInit(pod, container) || PodContainers.Names(pod, "initContainers").Count == 0 ? "ContainerCreating" : "PodInitializing");
            throw KubernetesStatus.BadRequest($"container \"{container}\" in pod \"{pod.Name()}\" is waiting to start: {reason}");
        }
    }

    private static string Tail(string text, long lines)
    {
        if (lines <= 0)
        {
            return "";
        }

        var end = text.EndsWith('\n') ? text.Length - 1 : text.Length;
        var start = end;
        for (var seen = 0; start > 0; start--)
        {
            if (text[start - 1] == '\n' && ++seen == lines)
            {
                break;
            }
        }

        return text[start..];
    }

    private static string Truncate(string text, long limitBytes)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return bytes.Length <= limitBytes ? text : Encoding.UTF8.GetString(bytes, 0, (int)limitBytes);
    }
}
