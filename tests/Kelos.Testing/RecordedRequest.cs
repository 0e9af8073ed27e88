namespace Kelos.Testing;

/// <summary>One request the scripted model server received, recorded before it was answered.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The request path, e.g. <c>/v1/messages</c>.</param>
/// <param name="Query">The query string including its leading <c>?</c>, or empty.</param>
/// <param name="Body">The request body as text (empty when there was none).</param>
public sealed record RecordedRequest(string Method, string Path, string Query, string Body);
