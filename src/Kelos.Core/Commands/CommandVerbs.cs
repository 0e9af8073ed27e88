namespace Kelos.Core.Commands;

/// <summary>The built-in verbs. <c>run</c>, <c>plan</c> and <c>review</c> are ordinary TaskSpawners shipped as defaults;
/// the others are answered by Kelos itself. Any other verb is a custom command (a spawner whose filter matches it).</summary>
public static class CommandVerbs
{
    public const string Run = "run";
    public const string Plan = "plan";
    public const string Review = "review";
    public const string Retry = "retry";
    public const string Cancel = "cancel";
    public const string Status = "status";
    public const string Help = "help";

    public static readonly IReadOnlyList<string> BuiltIn = [Run, Plan, Review, Retry, Cancel, Status, Help];
}
