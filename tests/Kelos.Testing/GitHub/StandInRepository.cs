namespace Kelos.Testing.GitHub;

/// <summary>A repository the stand-in knows; mutable, guarded by <see cref="StandInState.Gate"/>.</summary>
internal sealed class StandInRepository(long id, string owner, string name)
{
    public long Id { get; } = id;

    public string Owner { get; } = owner;

    public string Name { get; } = name;

    public string FullName => $"{Owner}/{Name}";

    /// <summary>Issues and pull requests share one sequence of numbers.</summary>
    public int LastNumber { get; set; }
}
