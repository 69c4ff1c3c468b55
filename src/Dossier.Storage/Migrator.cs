using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Dossier.Storage;

/// <summary>
/// Applies the embedded <c>Migrations/NNN_name.sql</c> scripts in order, each in its own transaction with its row in
/// <c>schema_migrations</c>, so a schema is either fully at a version or not. One script serves both providers
/// (<see cref="Render"/>), so a schema change is written once: the two dialects differ in a few type names and in
/// full-text search and JSON, which the scripts mark.
/// </summary>
internal static class Migrator
{
    private const string Prefix = "Dossier.Storage.Migrations.";

    /// <summary>The migrations of one provider ("Sqlite" or "Postgres"), in version order, rendered for it.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Load(string provider)
    {
        var list = new List<(int, string, string)>();
        foreach (var resource in EmbeddedData.Names(typeof(Migrator).Assembly, Prefix).Where(n => n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            // MSBuild names a file that starts with a digit "_001_initial".
            var name = resource[..^4].TrimStart('_');
            var underscore = name.IndexOf('_', StringComparison.Ordinal);
            var version = int.Parse(name.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture);
            using var reader = new StreamReader(EmbeddedData.Open(typeof(Migrator).Assembly, Prefix + resource));
            list.Add((version, name[(underscore + 1)..], Render(reader.ReadToEnd(), provider)));
        }

        return [.. list.OrderBy(m => m.Item1)];
    }

    /// <summary>
    /// A script as <paramref name="provider"/> runs it: the lines after "-- postgres only:" or "-- sqlite only:" kept
    /// for that provider alone (up to "-- both:"), and the type words <c>{int64}</c>, <c>{real}</c> and <c>{desc}</c>
    /// in its dialect.
    /// </summary>
    public static string Render(string script, string provider)
    {
        var postgres = provider switch
        {
            "Postgres" => true,
            "Sqlite" => false,
            _ => throw new ArgumentException("unknown provider " + provider, nameof(provider)),
        };
        var sql = new StringBuilder(script.Length);
        var keep = true;
        foreach (var line in script.Split('\n'))
        {
            switch (line.TrimEnd())
            {
                case "-- postgres only:":
                    keep = postgres;
                    continue;
                case "-- sqlite only:":
                    keep = !postgres;
                    continue;
                case "-- both:":
                    keep = true;
                    continue;
            }

            if (keep)
            {
                sql.Append(line).Append('\n');
            }
        }

        return sql.ToString()
            .Replace("{int64}", postgres ? "BIGINT" : "INTEGER", StringComparison.Ordinal)
            .Replace("{real}", postgres ? "DOUBLE PRECISION" : "REAL", StringComparison.Ordinal)
            .Replace("{desc}", postgres ? "DESC NULLS LAST" : "DESC", StringComparison.Ordinal);
    }

    /// <summary>Brings the schema up to the newest version. <paramref name="begin"/> opens a transaction holding the store's write lock.</summary>
    public static int Apply(DbConnection connection, string provider, Func<DbConnection, DbTransaction> begin)
    {
        var migrations = Load(provider);
        var applied = 0;
        foreach (var (version, name, sql) in migrations)
        {
            using var transaction = begin(connection);
            connection.Execute(transaction, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)");
            var done = connection.Scalar(transaction, "SELECT COUNT(*) FROM schema_migrations WHERE version = @v", ("@v", version));
            if (Convert.ToInt64(done, CultureInfo.InvariantCulture) > 0)
            {
                transaction.Commit();
                continue;
            }

            connection.Execute(transaction, sql);
            connection.Execute(transaction, "INSERT INTO schema_migrations (version, name) VALUES (@v, @n)", ("@v", version), ("@n", name));
            transaction.Commit();
            applied++;
        }

        return applied;
    }

    /// <summary>The schema version of the database behind <paramref name="connection"/>; 0 when it has no schema (read without writing).</summary>
    public static int Version(DbConnection connection)
    {
        try
        {
            return Convert.ToInt32(connection.Scalar(null, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"), CultureInfo.InvariantCulture);
        }
        catch (DbException)
        {
            // No schema_migrations table: an empty file or some other database.
            return 0;
        }
    }

    /// <summary>The newest schema version this build knows.</summary>
    public static int Latest(string provider) => Load(provider).Select(m => m.Version).DefaultIfEmpty(0).Max();
}
