namespace Kelos.GitHub.Triggers;

/// <summary>Whether an author may trigger, and if not, which check failed (said in the reply).</summary>
public sealed record TrustVerdict(bool Allowed, string? Reason)
{
    public static readonly TrustVerdict Yes = new(true, null);

    public static TrustVerdict No(string reason) => new(false, reason);
}
