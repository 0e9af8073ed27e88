using System.Text.Json;

namespace Kelos.Core.Text;

/// <summary>
/// Masks secret values in text meant for people (logs, failure messages, comments): each value wherever it appears —
/// as it is, JSON-escaped (agents print stream JSON), and each line of a multi-line value (logs are read line by line).
/// One rule for both runtimes: embedded mode masks what it writes, cluster mode what it reads from a pod's log.
/// Thread-safe.
/// </summary>
public sealed class SecretMask
{
    /// <summary>What a secret value is replaced with.</summary>
    public const string Mask = "***";

    private readonly List<string> _secrets = [];
    private readonly Lock _gate = new();

    /// <summary>Masks <paramref name="value"/> from now on; empty and very short values (under 4 characters) are ignored.</summary>
    public void Add(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var escaped = JsonSerializer.Serialize(value)[1..^1];
        var forms = new[] { value, escaped }.Concat(value.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        lock (_gate)
        {
            // A line of a multi-line value is masked only when long enough not to hide ordinary words ("-----BEGIN").
            foreach (var form in forms.Where(f => f.Length >= 8 || f == value.Trim()).Distinct())
            {
                if (form.Length >= 4 && !_secrets.Contains(form))
                {
                    _secrets.Add(form);
                }
            }

            _secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
        }
    }

    /// <summary><paramref name="text"/> with every known secret replaced by <see cref="Mask"/>.</summary>
    public string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            foreach (var secret in _secrets)
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }

            return text;
        }
    }
}
