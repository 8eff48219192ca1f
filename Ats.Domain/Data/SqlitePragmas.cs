using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ats.Domain.Data;

/// In WAL mode, synchronous=NORMAL never corrupts the database and makes each commit one write instead of several
/// fsyncs; a power cut can lose the last commits, not the file. The setting lives on the native connection, which
/// Microsoft.Data.Sqlite pools, so it is set once per native connection rather than on every open.
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<object, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } && Configured.TryGetValue(handle, out _)) return;
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
        if (connection is SqliteConnection { Handle: { } opened }) Configured.AddOrUpdate(opened, opened);
    }
}
