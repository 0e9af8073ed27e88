namespace Kelos.GitHub;

internal static class Placeholder
{
}
