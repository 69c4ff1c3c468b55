using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Dossier.Testing;
using Npgsql;

namespace Dossier.Storage.Tests;

/// <summary>Where a test gets a fresh, empty database: the one thing that differs between providers.</summary>
public interface IStoreProvider
{
    /// <summary>A new empty database, as <c>--db</c> would name it (a file path or a connection string).</summary>
    string NewDatabase();
}

/// <summary>SQLite files in a temporary folder, removed with the fixture.</summary>
public sealed class SqliteProvider : IStoreProvider, IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("dossier-sqlite-");
    private int count;

    public string NewDatabase() => Path.Combine(folder.FullName, "db" + Interlocked.Increment(ref count).ToString(CultureInfo.InvariantCulture) + ".db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }
}

/// <summary>
/// A throwaway PostgreSQL server from the Debian <c>postgresql</c> binaries: initdb into a temporary folder (as
/// the postgres user when running as root: initdb refuses root), started on 127.0.0.1 and a free port, stopped
/// with <c>pg_ctl stop -m immediate</c> and deleted on dispose. Each test gets its own database.
/// </summary>
public sealed class PostgresProvider : IStoreProvider, IDisposable
{
    private readonly string? bin = FindBinaries();
    private readonly string? data;
    private readonly string? problem;
    private readonly int port;
    private int count;

    public PostgresProvider()
    {
        if (Environment.GetEnvironmentVariable("DOSSIER_TEST_POSTGRES") is { Length: > 0 } external)
        {
            // An existing server (for example a CI service): its connection string, to a database we may create databases from.
            ConnectionString = external;
            return;
        }

        if (bin is null)
        {
            problem = "PostgreSQL binaries not found (apt-get install postgresql)";
            return;
        }

        try
        {
            data = Directory.CreateTempSubdirectory("dossier-pg-").FullName;
            var asRoot = Environment.UserName == "root";
            if (asRoot)
            {
                Run("chown", ["-R", "postgres:postgres", data]);
            }

            Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"], asRoot);
            port = FreePort();
            var options = $"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60";
            Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", Path.Combine(data, "server.log"), "-w", "-t", "60", "start"], asRoot);
            ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            problem = "could not start PostgreSQL: " + e.Message;
        }
    }

    /// <summary>The server's maintenance database.</summary>
    public string? ConnectionString { get; }

    public string NewDatabase()
    {
        if (ConnectionString is null)
        {
            SharedData.Unavailable(problem ?? "PostgreSQL unavailable");
        }

        var name = "dossier_test_" + Interlocked.Increment(ref count).ToString(CultureInfo.InvariantCulture) + "_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        using (var db = new NpgsqlConnection(ConnectionString))
        {
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS {name}; CREATE DATABASE {name}";
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ToString();
    }

    public void Dispose()
    {
        if (data is null)
        {
            return;
        }

        try
        {
            if (bin is not null && ConnectionString is not null)
            {
                Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], Environment.UserName == "root");
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static string? FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("DOSSIER_PG_BIN") is { Length: > 0 } configured)
        {
            return File.Exists(Path.Combine(configured, "initdb")) ? configured : null;
        }

        const string root = "/usr/lib/postgresql";
        return Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, string[] arguments, bool asPostgres = false)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgres)
        {
            foreach (var a in (string[])["-u", "postgres", "--", file])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + file);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} exited with {process.ExitCode}: {error.Trim()} {output.Result.Trim()}");
        }
    }
}
