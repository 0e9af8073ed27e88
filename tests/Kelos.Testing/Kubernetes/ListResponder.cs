using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Kelos.Testing.Kubernetes;

/// <summary>
/// Lists: <c>{kind: XList, apiVersion, metadata: {resourceVersion}, items}</c>, filtered by <c>labelSelector</c> and
/// <c>fieldSelector</c>, in name order, paged with <c>limit</c>/<c>continue</c>. As on a real server, items of built-in
/// kinds carry no <c>apiVersion</c>/<c>kind</c>; custom resources keep theirs.
/// </summary>
internal static class ListResponder
{
    public static List<(ObjectKey Key, JsonObject Object)> Matching(ObjectStore store, ResourcePath path, IQueryCollection query)
    {
        var labels = LabelSelector.Parse(query["labelSelector"]);
        var fields = FieldSelector.Parse(query["fieldSelector"]);
        return [.. store.List(path.Type, path.Namespace).Where(p => labels.Matches(p.Object.Labels()) && fields.Matches(p.Object))];
    }

    public static JsonObject List(ObjectStore store, ResourcePath path, IQueryCollection query)
    {
        var matching = Matching(store, path, query);
        if ((string?)query["continue"] is { Length: > 0 } token)
        {
            var after = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            matching = [.. matching.Where(p => string.CompareOrdinal($"{p.Key.Namespace}/{p.Key.Name}", after) > 0)];
        }

        var metadata = new JsonObject { ["resourceVersion"] = store.ResourceVersionText };
        if ((string?)query["limit"] is { Length: > 0 } limitText
            && int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var limit)
            && limit > 0
            && matching.Count > limit)
        {
            var last = matching[limit - 1].Key;
            metadata["continue"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{last.Namespace}/{last.Name}"));
            metadata["remainingItemCount"] = matching.Count - limit;
            matching = matching[..limit];
        }

        var items = new JsonArray();
        foreach (var (_, obj) in matching)
        {
            var item = obj.DeepClone().AsObject();
            if (!path.Type.IsCustom)
            {
                item.Remove("apiVersion");
                item.Remove("kind");
            }

            items.Add(item);
        }

        return new JsonObject
        {
            ["kind"] = path.Type.Kind + "List",
            ["apiVersion"] = path.Type.ApiVersion,
            ["metadata"] = metadata,
            ["items"] = items,
        };
    }
}
