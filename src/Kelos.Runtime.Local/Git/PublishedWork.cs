namespace Kelos.Runtime.Local.Git;

/// <summary>What the agent left in its clone: the branch it ended on, that branch's commit, whether Kelos pushed.</summary>
public sealed record PublishedWork(string Branch, string Commit, bool Pushed);
