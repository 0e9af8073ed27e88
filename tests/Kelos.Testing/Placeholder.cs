namespace Kelos.Testing;

internal static class Placeholder
{
}
