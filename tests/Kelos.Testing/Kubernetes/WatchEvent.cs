using System.Text.Json.Nodes;

namespace Kelos.Testing.Kubernetes;

/// <summary>
/// One committed change, kept in the history window for watches to resume from.
/// <see cref="Object"/> and <see cref="Previous"/> are never changed after the commit.
/// </summary>
/// <param name="Type"><c>ADDED</c>, <c>MODIFIED</c> or <c>DELETED</c>.</param>
/// <param name="Key">Where the object lives.</param>
/// <param name="Object">The object as committed (for DELETED: its last state, stamped with the deletion's resourceVersion).</param>
/// <param name="Previous">The object before the change (null for ADDED): a watch with a selector needs both sides.</param>
/// <param name="ResourceVersion">The global resourceVersion of the change.</param>
internal sealed record WatchEvent(string Type, ObjectKey Key, JsonObject Object, JsonObject? Previous, long ResourceVersion)
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
    public const string Bookmark = "BOOKMARK";
    public const string Error = "ERROR";
}
