using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Bot.Host.Storage.Postgres;

/// <summary>
/// The Data Protection key ring in the <c>data_protection_keys</c> table, so that a link or session signed by one
/// host verifies on every other. A key is written once under its name (two hosts creating the first key at the same
/// moment both keep theirs; Data Protection then uses the default key and reads both). Like the key files it
/// replaces, the rows are not encrypted: the database's access rights protect them.
/// </summary>
internal sealed class PostgresKeyRing(PostgresDatabase database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        database.Use((c, t) => c.Query<string>("select xml from data_protection_keys order by created_at, name", transaction: t))
            .Select(XElement.Parse)
            .ToList();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var name = string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName;
        var xml = element.ToString(SaveOptions.DisableFormatting);
        database.Use((c, t) => c.Execute(
            "insert into data_protection_keys (name, xml) values (@name, @xml) on conflict (name) do nothing", new { name, xml }, t));
    }
}
