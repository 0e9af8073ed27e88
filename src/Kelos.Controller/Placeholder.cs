namespace Kelos.Controller;

internal static class Placeholder
{
}
