using System.Globalization;
using System.Text.Json;
using Kelos.Cli.Output;
using Kelos.Core.Installations;
using Kelos.Core.Text;

namespace Kelos.Cli.Commands;

/// <summary>
/// <c>kelos get installations [ID|ACCOUNT] [-o table|json|yaml]</c>: where the GitHub App is installed, as
/// <c>kelos serve</c> recorded it from installation events.
/// </summary>
public static class GetInstallations
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Whether <c>kelos get KIND</c> asks for installations.</summary>
    public static bool Matches(string kind) => kind.ToLowerInvariant() is "installations" or "installation";

    public static void Print(IInstallationStore store, string? wanted, string format, TextWriter output, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(output);
        var items = store.List();
        if (wanted is not null)
        {
            items = [.. items.Where(i => i.Id.ToString(CultureInfo.InvariantCulture) == wanted || string.Equals(i.Account, wanted, StringComparison.OrdinalIgnoreCase))];
            if (items.Count == 0)
            {
                throw new CliException($"installation \"{wanted}\" not found");
            }
        }

        if (format == "table")
        {
            Table(items, now).Write(output);
            return;
        }

        var json = wanted is not null && items.Count == 1 ? JsonSerializer.Serialize(items[0], Json) : JsonSerializer.Serialize(items, Json);
        output.WriteLine(format == "json" ? json : YamlText.FromJson(json).TrimEnd());
    }

    private static Table Table(IReadOnlyList<InstallationRecord> items, DateTimeOffset now)
    {
        var table = new Table("ID", "ACCOUNT", "TYPE", "REPOSITORIES", "STATUS", "AGE");
        foreach (var i in items)
        {
            table.Add(i.Id.ToString(CultureInfo.InvariantCulture), i.Account, i.AccountType, Repositories(i), i.Status, Age.Format(now - i.CreatedAt));
        }

        return table;
    }

    /// <summary><c>all (N)</c> for an installation on every repository, else the names (without the account's own prefix).</summary>
    private static string Repositories(InstallationRecord installation)
    {
        if (installation.RepositorySelection == "all")
        {
            return string.Create(CultureInfo.InvariantCulture, $"all ({installation.Repositories.Count})");
        }

        var prefix = installation.Account + "/";
        return installation.Repositories.Count == 0
            ? "-"
            : string.Join(",", installation.Repositories.Select(r => r.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? r[prefix.Length..] : r));
    }
}
