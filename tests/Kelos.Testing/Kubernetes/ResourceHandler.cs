using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Kelos.Testing.Kubernetes;

/// <summary>
/// Answers every API path: takes it apart (<see cref="ResourcePath"/>) and runs the verb (list, watch, get, create,
/// replace, patch, delete, deletecollection, pod log) against the store. A refusal is a <see cref="StatusException"/>,
/// answered with its Status object.
/// </summary>
internal sealed class ResourceHandler(KubernetesState state)
{
    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            var path = ResourcePath.Parse(context.Request.Path.Value ?? "") ?? throw KubernetesStatus.UnknownPath();
            await DispatchAsync(context, path);
        }
        catch (StatusException error) when (!context.Response.HasStarted)
        {
            await ApiResponse.WriteAsync(context, error);
        }
    }

    private async Task DispatchAsync(HttpContext context, ResourcePath path)
    {
        var method = context.Request.Method;
        if (path.Name is null)
        {
            switch (method)
            {
                case "GET" when Query.Flag(context, "watch"):
                    await new WatchResponder(state).RunAsync(context, path);
                    return;
                case "GET":
                    await ApiResponse.WriteAsync(context, 200, Lock(() => ListResponder.List(state.Store, path, context.Request.Query)));
                    return;
                case "POST" when path.Namespace is not null || !path.Type.Namespaced:
                    var body = ReadObject(context);
                    await ApiResponse.WriteAsync(context, 201, Lock(() => state.Store.Create(path.Type, path.Namespace ?? "", body)));
                    return;
                case "DELETE":
                    await ApiResponse.WriteAsync(context, 200, Lock(() => DeleteCollection(path, context)));
                    return;
                default:
                    throw KubernetesStatus.MethodNotAllowed($"the server does not allow this method on the requested resource");
            }
        }

        if (path.Namespace is null && path.Type.Namespaced)
        {
            throw KubernetesStatus.UnknownPath();
        }

        if (path.Subresource == "log")
        {
            if (method != "GET")
            {
                throw KubernetesStatus.MethodNotAllowed("the server does not allow this method on the requested resource");
            }

            await new PodLogResponder(state).RunAsync(context, path.Key);
            return;
        }

        var statusOnly = path.Subresource == "status";
        switch (method)
        {
            case "GET":
                await ApiResponse.WriteAsync(context, 200, Lock(() => state.Store.Require(path.Key).DeepClone()));
                return;
            case "PUT":
                var body = ReadObject(context);
                await ApiResponse.WriteAsync(context, 200, Lock(() => state.Store.Update(path.Key, body, statusOnly)));
                return;
            case "PATCH":
                await PatchAsync(context, path, statusOnly);
                return;
            case "DELETE" when !statusOnly:
                await DeleteAsync(context, path);
                return;
            default:
                throw KubernetesStatus.MethodNotAllowed("the server does not allow this method on the requested resource");
        }
    }

    private async Task PatchAsync(HttpContext context, ResourcePath path, bool statusOnly)
    {
        var contentType = (context.Request.ContentType ?? "").Split(';')[0].Trim();
        var kind = contentType switch
        {
            "application/json-patch+json" => PatchKind.Json,
            "application/merge-patch+json" => PatchKind.Merge,
            "application/strategic-merge-patch+json" when !path.Type.IsCustom => PatchKind.StrategicMerge,
            "application/apply-patch+yaml" or "application/apply-patch+json" => PatchKind.Apply,
            _ => throw KubernetesStatus.UnsupportedMediaType(contentType),
        };
        if (kind == PatchKind.Apply && string.IsNullOrEmpty(context.Request.Query["fieldManager"]))
        {
            throw KubernetesStatus.Invalid(path.Type, path.Name!, "fieldManager", "Required value: is required for apply patch", "FieldValueRequired");
        }

        var patch = ReadNode(context);
        var created = false;
        var result = Lock(() =>
        {
            created = kind == PatchKind.Apply && state.Store.Find(path.Key) is null;
            return state.Store.Patch(path.Key, kind, patch, statusOnly);
        });
        await ApiResponse.WriteAsync(context, created ? 201 : 200, result);
    }

    private async Task DeleteAsync(HttpContext context, ResourcePath path)
    {
        var options = KubeJson.Parse(KubernetesPipeline.Body(context) is { Length: > 0 } text ? text : "{}");
        var policy = Policy(context, options, path.Type);
        if (policy is null && path.Type == ResourceTypes.Jobs)
        {
            context.Response.Headers.Append("Warning", "299 - \"child pods are preserved by default when jobs are deleted; set propagationPolicy=Background to remove them or set propagationPolicy=Orphan to suppress this warning\"");
        }

        var preconditions = options["preconditions"];
        var (obj, removed) = Lock(() => state.Store.Delete(
            path.Key,
            policy ?? ObjectStore.DefaultPolicy(path.Type),
            preconditions.Str("uid"),
            preconditions.Str("resourceVersion")));
        var answer = removed && !path.Type.IsCustom && path.Type != ResourceTypes.Pods
            ? KubernetesStatus.Success(path.Type, path.Name!, obj.Uid())
            : obj;
        await ApiResponse.WriteAsync(context, 200, answer);
    }

    private JsonObject DeleteCollection(ResourcePath path, HttpContext context)
    {
        var policy = Policy(context, [], path.Type) ?? ObjectStore.DefaultPolicy(path.Type);
        foreach (var (key, _) in ListResponder.Matching(state.Store, path, context.Request.Query))
        {
            if (state.Store.Find(key) is not null)
            {
                state.Store.Delete(key, policy);
            }
        }

        return KubernetesStatus.Success(path.Type, "", null);
    }

    private static DeletionPolicy? Policy(HttpContext context, JsonObject options, ResourceType type)
    {
        var text = options.Str("propagationPolicy") ?? (string?)context.Request.Query["propagationPolicy"];
        if (text is null && options["orphanDependents"] is JsonValue orphan && orphan.TryGetValue<bool>(out var flag))
        {
            return flag ? DeletionPolicy.Orphan : DeletionPolicy.Background;
        }

        return text switch
        {
            null or "" => null,
            "Background" => DeletionPolicy.Background,
            "Foreground" => DeletionPolicy.Foreground,
            "Orphan" => DeletionPolicy.Orphan,
            _ => throw KubernetesStatus.Invalid(type, "", "propagationPolicy", $"Unsupported value: \"{text}\": supported values: \"Foreground\", \"Background\", \"Orphan\"", "FieldValueNotSupported"),
        };
    }

    private static JsonObject ReadObject(HttpContext context) =>
        ReadNode(context) as JsonObject ?? throw KubernetesStatus.BadRequest("the body of the request is not a JSON object");

    private static JsonNode ReadNode(HttpContext context)
    {
        try
        {
            return JsonNode.Parse(KubernetesPipeline.Body(context)) ?? throw KubernetesStatus.BadRequest("the request body is empty");
        }
        catch (JsonException e)
        {
            throw KubernetesStatus.BadRequest($"the request body is not valid JSON: {e.Message}");
        }
    }

    private T Lock<T>(Func<T> action)
    {
        lock (state.Gate)
        {
            return action();
        }
    }
}
