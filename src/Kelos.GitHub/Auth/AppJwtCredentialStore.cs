using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Octokit;

namespace Kelos.GitHub.Auth;

/// <summary>
/// Octokit credentials for App-level calls: a fresh JWT whenever the last one is more than
/// <see cref="ReuseFor"/> old, so a long-lived client never sends an expired one. The key is imported once.
/// </summary>
public sealed class AppJwtCredentialStore : ICredentialStore, IDisposable
{
    /// <summary>How long one JWT is reused (it lives 9 minutes; this leaves a wide margin for clock drift and slow calls).</summary>
    public static readonly TimeSpan ReuseFor = TimeSpan.FromMinutes(5);

    private readonly long _appId;
    private readonly Lazy<RSA> _key;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private string? _jwt;
    private DateTimeOffset _issuedAt;

    /// <summary>Reads the App id and key from options; the key is loaded at first use.</summary>
    public AppJwtCredentialStore(IOptions<GitHubAppOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        _appId = value.AppId;
        _key = new Lazy<RSA>(() => GitHubAppJwt.ImportKey(value.LoadPrivateKeyPem()));
        _time = time;
    }

    /// <summary>A JWT for the App, reused while it is young.</summary>
    public string GetJwt()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_jwt is null || now - _issuedAt >= ReuseFor || now < _issuedAt)
            {
                _jwt = GitHubAppJwt.Create(_appId, _key.Value, _time);
                _issuedAt = now;
            }

            return _jwt;
        }
    }

    /// <inheritdoc />
    public Task<Credentials> GetCredentials() => Task.FromResult(new Credentials(GetJwt(), AuthenticationType.Bearer));

    /// <inheritdoc />
    public void Dispose()
    {
        if (_key.IsValueCreated)
        {
            _key.Value.Dispose();
        }
    }
}
