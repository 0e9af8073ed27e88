using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Kelos.Testing.Kubernetes;

/// <summary>
/// A watch (<c>?watch=true</c>): newline-delimited <c>{"type": …, "object": …}</c> lines, flushed as they happen.
/// From <c>resourceVersion</c> N it sends every change after N; without one (or "0") it first sends ADDED for every
/// current object. A version older than the kept history gets one ERROR line with a 410 Expired Status, then the end.
/// <c>timeoutSeconds</c> ends it (after a last BOOKMARK when bookmarks are allowed).
/// </summary>
internal sealed class WatchResponder(KubernetesState state)
{
    public async Task RunAsync(HttpContext context, ResourcePath path)
    {
        var version = (string?)context.Request.Query["resourceVersion"];
        long? from = string.IsNullOrEmpty(version) || version == "0" ? null : Query.Number(context, "resourceVersion");
        var timeout = Query.Number(context, "timeoutSeconds");
        var watch = new WatchSubscription(
            path.Type,
            path.Namespace,
            LabelSelector.Parse(context.Request.Query["labelSelector"]),
            FieldSelector.Parse(context.Request.Query["fieldSelector"]),
            Query.Flag(context, "allowWatchBookmarks"));

        long? oldest;
        lock (state.Gate)
        {
            oldest = state.Store.Subscribe(watch, from);
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        if (oldest is { } expiredBelow)
        {
            await WriteLineAsync(context, WatchEvent.Error, KubernetesStatus.Expired(from!.Value, expiredBelow), CancellationToken.None);
            return;
        }

        using var end = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, state.Stopping.Token);
        using var timedOut = new CancellationTokenSource();
        if (timeout is > 0)
        {
            timedOut.CancelAfter(TimeSpan.FromSeconds(timeout.Value));
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(end.Token, timedOut.Token);
        var bookmarks = watch.AllowBookmarks ? SendBookmarksAsync(watch, stop.Token) : Task.CompletedTask;
        try
        {
            await context.Response.StartAsync(stop.Token);
            await context.Response.Body.FlushAsync(stop.Token);
            await foreach (var (type, obj) in watch.Reader.ReadAllAsync(stop.Token))
            {
                await WriteLineAsync(context, type, obj, stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            if (timedOut.IsCancellationRequested && !end.IsCancellationRequested && watch.AllowBookmarks)
            {
                await WriteFinalBookmarkAsync(context, watch, end.Token);
            }
        }
        finally
        {
            lock (state.Gate)
            {
                state.Store.Unsubscribe(watch);
            }

            await stop.CancelAsync();
            await bookmarks;
        }
    }

    private static async Task WriteLineAsync(HttpContext context, string type, JsonObject obj, CancellationToken cancellationToken)
    {
        var line = new JsonObject { ["type"] = type, ["object"] = obj.DeepClone() }.ToJsonString() + "\n";
        await context.Response.WriteAsync(line, cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }

    private async Task WriteFinalBookmarkAsync(HttpContext context, WatchSubscription watch, CancellationToken cancellationToken)
    {
        // Stop taking changes and queue the bookmark in one step: its version then covers everything queued before it.
        lock (state.Gate)
        {
            state.Store.Unsubscribe(watch);
            watch.OfferBookmark(state.Store.ResourceVersion);
            watch.Close();
        }

        try
        {
            while (watch.Reader.TryRead(out var queued))
            {
                await WriteLineAsync(context, queued.Type, queued.Object, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away first.
        }
    }

    private async Task SendBookmarksAsync(WatchSubscription watch, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(state.Store.Options.BookmarkInterval);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                lock (state.Gate)
                {
                    watch.OfferBookmark(state.Store.ResourceVersion);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The watch ended.
        }
    }
}
