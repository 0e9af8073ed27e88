namespace Kelos.Cli.Tests;

internal static class Placeholder
{
}
