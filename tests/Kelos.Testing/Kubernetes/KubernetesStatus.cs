using System.Text.Json.Nodes;

namespace Kelos.Testing.Kubernetes;

/// <summary>
/// The API server's <c>Status</c> objects (<c>kind: Status</c>, <c>apiVersion: v1</c>), with its own wording, so a client
/// that inspects <c>reason</c>, <c>code</c> or <c>details</c> sees what a real cluster says.
/// </summary>
internal static class KubernetesStatus
{
    public static JsonObject Failure(int code, string reason, string message, JsonObject? details = null)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
        };
        if (details is not null)
        {
            status["details"] = details;
        }

        status["code"] = code;
        return status;
    }

    public static JsonObject Success(ResourceType type, string name, string? uid) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Success",
        ["details"] = Details(type, name, uid),
    };

    public static StatusException NotFound(ResourceType type, string name) =>
        new(Failure(404, "NotFound", $"{type.QualifiedPlural} \"{name}\" not found", Details(type, name)));

    public static StatusException UnknownPath() =>
        new(Failure(404, "NotFound", "the server could not find the requested resource", new JsonObject()));

    public static StatusException AlreadyExists(ResourceType type, string name) =>
        new(Failure(409, "AlreadyExists", $"{type.QualifiedPlural} \"{name}\" already exists", Details(type, name)));

    public static StatusException Conflict(ResourceType type, string name) =>
        new(Failure(
            409,
            "Conflict",
            $"Operation cannot be fulfilled on {type.QualifiedPlural} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
            Details(type, name)));

    public static StatusException PreconditionFailed(ResourceType type, string name, string what) =>
        new(Failure(
            409,
            "Conflict",
            $"Operation cannot be fulfilled on {type.QualifiedPlural} \"{name}\": Precondition failed: {what}",
            Details(type, name)));

    public static StatusException Invalid(ResourceType type, string name, string field, string cause, string causeReason = "FieldValueInvalid")
    {
        var details = Details(type, name);
        details["kind"] = type.Kind;
        details["causes"] = new JsonArray(new JsonObject { ["reason"] = causeReason, ["message"] = cause, ["field"] = field });
        return new(Failure(422, "Invalid", $"{type.QualifiedKind} \"{name}\" is invalid: {field}: {cause}", details));
    }

    public static StatusException BadRequest(string message) => new(Failure(400, "BadRequest", message));

    public static StatusException MethodNotAllowed(string message) => new(Failure(405, "MethodNotAllowed", message));

    public static StatusException UnsupportedMediaType(string contentType) =>
        new(Failure(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json; got {contentType}"));

    /// <summary>What a watch from a resource version older than the kept history gets (as an ERROR event).</summary>
    public static JsonObject Expired(long requested, long oldest) =>
        Failure(410, "Expired", $"too old resource version: {requested} ({oldest})");

    /// <summary>The status a test asked a call to fail with; the reason is the one the server uses for that code.</summary>
    public static JsonObject Injected(int code) => code switch
    {
        400 => Failure(code, "BadRequest", "the stand-in was told to fail this call"),
        401 => Failure(code, "Unauthorized", "Unauthorized"),
        403 => Failure(code, "Forbidden", "forbidden: the stand-in was told to fail this call"),
        404 => Failure(code, "NotFound", "the server could not find the requested resource"),
        409 => Failure(code, "Conflict", "Operation cannot be fulfilled: the stand-in was told to fail this call"),
        410 => Failure(code, "Expired", "the stand-in was told to fail this call"),
        429 => Failure(code, "TooManyRequests", "Too many requests, please try again later."),
        503 => Failure(code, "ServiceUnavailable", "the stand-in was told to fail this call"),
        504 => Failure(code, "Timeout", "the stand-in was told to fail this call"),
        _ => Failure(code, "InternalError", "Internal error occurred: the stand-in was told to fail this call"),
    };

    private static JsonObject Details(ResourceType type, string name, string? uid = null)
    {
        var details = new JsonObject { ["name"] = name };
        if (type.Group.Length > 0)
        {
            details["group"] = type.Group;
        }

        details["kind"] = type.Plural;
        if (uid is not null)
        {
            details["uid"] = uid;
        }

        return details;
    }
}
