using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Kelos.Testing.Kubernetes;

/// <summary>
/// One open watch: which objects it sees, and the queue of <c>{type, object}</c> lines waiting to be written.
/// Offered every committed change under the store's lock, so lines queue in commit order.
/// </summary>
/// <remarks>
/// Selectors are judged on both sides of a change, as the API server does: an object that stops matching arrives as
/// DELETED, one that starts matching as ADDED.
/// </remarks>
internal sealed class WatchSubscription(ResourceType type, string? ns, LabelSelector labels, FieldSelector fields, bool allowBookmarks)
{
    private readonly Channel<(string Type, JsonObject Object)> _queue = Channel.CreateUnbounded<(string, JsonObject)>(
        new UnboundedChannelOptions { SingleReader = true });

    public ResourceType Type { get; } = type;

    public bool AllowBookmarks { get; } = allowBookmarks;

    public ChannelReader<(string Type, JsonObject Object)> Reader => _queue.Reader;

    public bool Sees(ObjectKey key, JsonObject obj) =>
        key.Type == Type && (ns is null || key.Namespace == ns) && labels.Matches(obj.Labels()) && fields.Matches(obj);

    public void Offer(WatchEvent change)
    {
        var now = Sees(change.Key, change.Object);
        var before = change.Previous is not null && Sees(change.Key, change.Previous);
        var type = change.Type switch
        {
            WatchEvent.Added when now => WatchEvent.Added,
            WatchEvent.Modified when now && before => WatchEvent.Modified,
            WatchEvent.Modified when now => WatchEvent.Added,
            WatchEvent.Modified when before => WatchEvent.Deleted,
            WatchEvent.Deleted when now => WatchEvent.Deleted,
            _ => null,
        };
        if (type is not null)
        {
            _queue.Writer.TryWrite((type, change.Object));
        }
    }

    public void Enqueue(string type, JsonObject obj) => _queue.Writer.TryWrite((type, obj));

    /// <summary>Queues a BOOKMARK carrying only <paramref name="resourceVersion"/>, if the client asked for bookmarks.</summary>
    public void OfferBookmark(long resourceVersion)
    {
        if (AllowBookmarks)
        {
            Enqueue(WatchEvent.Bookmark, new JsonObject
            {
                ["kind"] = Type.Kind,
                ["apiVersion"] = Type.ApiVersion,
                ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            });
        }
    }

    /// <summary>Ends the watch after what is already queued.</summary>
    public void Close() => _queue.Writer.TryComplete();
}
