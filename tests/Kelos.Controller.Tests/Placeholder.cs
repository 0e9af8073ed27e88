namespace Kelos.Controller.Tests;

internal static class Placeholder
{
}
