using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Bot.Tests.Storage;

/// <summary>
/// A private PostgreSQL server for the tests: initdb into a temporary folder (owned by <c>postgres</c> when the tests
/// run as root, since initdb refuses root), listening on a free loopback port with its unix socket in that folder;
/// stopped and deleted when the test run ends. No system service. Each test asks for a database of its own.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private const string SystemUser = "postgres";

    private readonly string _bin;
    private readonly string _folder;
    private readonly string _data;
    private readonly bool _asRoot = Environment.UserName == "root";

    public PostgresServer()
    {
        _bin = Directory.GetDirectories("/usr/lib/postgresql")
            .Select(dir => Path.Combine(dir, "bin"))
            .Where(dir => File.Exists(Path.Combine(dir, "initdb")))
            .OrderByDescending(dir => int.Parse(Path.GetFileName(Path.GetDirectoryName(dir)!), CultureInfo.InvariantCulture))
            .FirstOrDefault() ?? throw new InvalidOperationException("PostgreSQL is not installed (./test.sh installs it: apt-get install postgresql).");
        _folder = Path.Combine(Path.GetTempPath(), "sinergi-pg-" + Guid.NewGuid().ToString("N")[..12]);
        _data = Path.Combine(_folder, "data");
        Directory.CreateDirectory(_folder);
        if (_asRoot)
        {
            Run("chown", SystemUser, _folder);
        }

        Port = FreePort();
        RunAsServerUser("initdb", "-D", _data, "-U", SystemUser, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync");
        RunAsServerUser(
            "pg_ctl", "-D", _data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o",
            $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start");
    }

    public int Port { get; }

    /// <summary>A new, empty database on this server; its connection string.</summary>
    public string CreateDatabase()
    {
        var name = "sinergi_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"create database {name}", connection);
            command.ExecuteNonQuery();
        }

        return ConnectionString(name);
    }

    public void Dispose()
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            RunAsServerUser("pg_ctl", "-D", _data, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={SystemUser};Database={database};Pooling=true;Maximum Pool Size=20";

    private void RunAsServerUser(string tool, params string[] arguments)
    {
        var path = Path.Combine(_bin, tool);
        if (_asRoot)
        {
            Run("runuser", ["-u", SystemUser, "--", path, .. arguments]);
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error} {output.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The tests that share one private PostgreSQL server.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPostgresServer : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
