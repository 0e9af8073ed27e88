using System.Net;
using System.Net.Sockets;

namespace Kelos.Benchmarks.Targets;

/// <summary>A loopback TCP port nobody listens on right now.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
