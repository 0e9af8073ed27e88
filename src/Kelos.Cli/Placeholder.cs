namespace Kelos.Cli;

internal static class Placeholder
{
}
