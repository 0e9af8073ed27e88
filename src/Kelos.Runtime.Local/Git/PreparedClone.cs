namespace Kelos.Runtime.Local.Git;

/// <summary>A clone ready for the agent: which branch it is on, what it started from.</summary>
/// <param name="BaseBranch">The Workspace ref, or the remote's default branch.</param>
/// <param name="StartCommit">HEAD before the agent ran; commits after it are the agent's.</param>
public sealed record PreparedClone(string Branch, string BaseBranch, string StartCommit);
