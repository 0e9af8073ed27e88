namespace Kelos.Benchmarks.Targets;

/// <summary>A real GitHub App for <c>kelos serve</c> (the stand-in's), and the configuration directory it keeps applied.</summary>
internal sealed record KelosServeApp(long AppId, string PrivateKeyFile, Uri ApiUrl, string Slug, string ConfigDirectory);
