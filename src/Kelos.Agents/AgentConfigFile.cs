namespace Kelos.Agents;

/// <summary>A config file an adapter wants written before the agent starts.</summary>
public sealed record AgentConfigFile(string Path, string Content);
