namespace Kelos.Agents.Tests;

internal static class Placeholder
{
}
