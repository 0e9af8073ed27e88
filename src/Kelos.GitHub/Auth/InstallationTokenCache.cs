using System.Collections.Concurrent;

namespace Kelos.GitHub.Auth;

/// <summary>
/// One installation token per installation, shared by every caller, replaced at least <see cref="RefreshBefore"/>
/// before it expires. Thread-safe: while one caller fetches a new token for an installation, the others for that
/// installation wait for it rather than fetching their own.
/// </summary>
public sealed class InstallationTokenCache(IInstallationTokenSource source, TimeProvider time) : IDisposable
{
    /// <summary>A token this close to expiry is replaced.</summary>
    public static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<long, Slot> _slots = new();

    /// <summary>The installation's current token, fetched if there is none or it is about to expire.</summary>
    public async ValueTask<InstallationAccessToken> GetAsync(long installationId, CancellationToken cancellationToken = default)
    {
        var slot = _slots.GetOrAdd(installationId, _ => new Slot());
        var current = slot.Token;
        if (IsFresh(current))
        {
            return current!;
        }

        await slot.Gate.WaitAsync(cancellationToken);
        try
        {
            current = slot.Token;
            if (IsFresh(current))
            {
                return current!;
            }

            current = await source.CreateAsync(installationId, null, null, cancellationToken);
            slot.Token = current;
            return current;
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    /// <summary>Forgets the installation's token (GitHub refused it: revoked, or the installation changed).</summary>
    public void Invalidate(long installationId)
    {
        if (_slots.TryGetValue(installationId, out var slot))
        {
            slot.Token = null;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var slot in _slots.Values)
        {
            slot.Gate.Dispose();
        }
    }

    private bool IsFresh(InstallationAccessToken? token) => token is not null && token.ExpiresAt - time.GetUtcNow() > RefreshBefore;

    private sealed class Slot
    {
        private volatile InstallationAccessToken? _token;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public InstallationAccessToken? Token
        {
            get => _token;
            set => _token = value;
        }
    }
}
