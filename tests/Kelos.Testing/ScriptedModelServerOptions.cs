namespace Kelos.Testing;

/// <summary>Settings of a <see cref="ScriptedModelServer"/>.</summary>
public sealed class ScriptedModelServerOptions
{
    /// <summary>How long the <see cref="ScenarioNames.Slow"/> scenario waits before answering.</summary>
    public TimeSpan SlowDelay { get; init; } = TimeSpan.FromMinutes(10);
}
