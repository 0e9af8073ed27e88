namespace Kelos.Runtime.Local;

internal static class Placeholder
{
}
