using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ats.Domain.Data;

/// In WAL mode, synchronous=NORMAL never corrupts the database and makes each commit one write instead of several
/// fsyncs; a power cut can lose the last commits, not the file. The setting lives on the connection, so set it on open.
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }
}
