using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using PasKreatif.Persistence;

namespace PasKreatif.Demo;

/// <summary>
/// Writes many rows of one entity type with binary COPY inside the context's transaction.
/// Table, columns, getters and value conversions come from EF's model, so no column is listed twice.
/// </summary>
sealed class BulkCopy<T> where T : class
{
    delegate Task WriteColumn(NpgsqlBinaryImporter importer, T row, CancellationToken ct);

    readonly MarketplaceDb db;
    readonly string table;
    readonly IKey key;
    readonly string copyCommand;
    readonly WriteColumn[] columns;

    public BulkCopy(MarketplaceDb db)
    {
        this.db = db;
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        table = type.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        key = type.FindPrimaryKey()!;
        // Columns the database computes on every write (the search vector, xmin) are left to it, as EF does.
        var written = type.GetFlattenedProperties().Where(p => !p.ValueGenerated.HasFlag(ValueGenerated.OnUpdate)).ToList();
        copyCommand = $"COPY {Quote(table)} ({string.Join(", ", written.Select(p => Quote(p.GetColumnName(store)!)))}) FROM STDIN (FORMAT BINARY)";
        columns = written.Select(Writer).ToArray();
    }

    /// <summary>Gives each row the next values of its identity sequence, in row order, as EF's inserts would take them.</summary>
    public async Task AssignIdsAsync(IReadOnlyList<T> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var id = key.Properties.Single();
        var ids = await db.Database
            .SqlQuery<long>($"SELECT nextval(pg_get_serial_sequence({Quote(table)}, {id.GetColumnName()})) AS \"Value\" FROM generate_series(1, {rows.Count}) ORDER BY 1")
            .ToListAsync(ct);
        var setter = id.PropertyInfo!;
        for (var i = 0; i < rows.Count; i++)
            setter.SetValue(rows[i], Convert.ChangeType(ids[i], id.ClrType, CultureInfo.InvariantCulture));
    }

    public async Task WriteAsync(IEnumerable<T> rows, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync(copyCommand, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in columns)
                await column(importer, row, ct);
        }
        await importer.CompleteAsync(ct);
    }

    static WriteColumn Writer(IProperty property)
    {
        var getter = property.GetGetter();
        var converter = property.GetTypeMapping().Converter;
        var stored = converter?.ProviderClrType ?? property.ClrType;
        // The provider type picks Npgsql's binary writer: text for enums, numeric for Money, int for flags.
        var write = typeof(BulkCopy<T>).GetMethod(nameof(WriteValue), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(Nullable.GetUnderlyingType(stored) ?? stored)
            .CreateDelegate<Func<NpgsqlBinaryImporter, object, CancellationToken, Task>>();
        return (importer, row, ct) =>
        {
            var value = getter.GetClrValueUsingContainingEntity(row);
            if (value is not null && converter is not null) value = converter.ConvertToProvider(value);
            return value is null ? importer.WriteNullAsync(ct) : write(importer, value, ct);
        };
    }

    static Task WriteValue<TValue>(NpgsqlBinaryImporter importer, object value, CancellationToken ct) =>
        importer.WriteAsync((TValue)value, ct);

    static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}
