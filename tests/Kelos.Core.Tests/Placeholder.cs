namespace Kelos.Core.Tests;

internal static class Placeholder
{
}
