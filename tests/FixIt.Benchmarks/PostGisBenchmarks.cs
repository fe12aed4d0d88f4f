using BenchmarkDotNet.Attributes;
using FixIt.Domain.Spatial;
using NetTopologySuite.IO;
using Npgsql;

namespace FixIt.Benchmarks;

/// <summary>
/// What a team would otherwise pick: the same areas in PostGIS with a GiST index, one ST_Covers query per point
/// over a local connection, as a request would run it. FIXIT_BENCH_POSTGRES overrides the server.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class PostGisBenchmarks : IDisposable
{
    private const int Points = 2_000;
    private static readonly string Server = Environment.GetEnvironmentVariable("FIXIT_BENCH_POSTGRES")
        ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";

    private static readonly WKBWriter Ewkb = new(ByteOrder.LittleEndian, handleSRID: true);
    private (double Lon, double Lat)[] _points = [];
    private NpgsqlConnection _connection = null!;
    private NpgsqlCommand _query = null!;

    [Params("counties", "counties+states", "densified counties")]
    public string Areas { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var areas = Areas switch
        {
            "counties" => BenchmarkData.Counties(),
            "counties+states" => BenchmarkData.CountiesAndStates(),
            _ => BenchmarkData.DensifiedCounties(),
        };
        _points = BenchmarkData.Points()[..Points];
        var database = "fixit_bench_" + Areas.Replace('+', '_').Replace(' ', '_');
        Execute(Server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        Execute(Server, $"CREATE DATABASE {database}");
        _connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = database }.ToString());
        _connection.Open();
        Load(areas);
        _query = new NpgsqlCommand("SELECT count(*) FROM areas WHERE ST_Covers(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326))", _connection);
        _query.Parameters.Add(new NpgsqlParameter<double>());
        _query.Parameters.Add(new NpgsqlParameter<double>());
        _query.Prepare();
    }

    private void Load(IReadOnlyList<IndexedArea> areas)
    {
        using (var create = new NpgsqlCommand(
            "CREATE EXTENSION IF NOT EXISTS postgis; CREATE TABLE areas (id int PRIMARY KEY, geom geometry(Geometry, 4326) NOT NULL);", _connection))
        {
            create.ExecuteNonQuery();
        }

        using (var import = _connection.BeginBinaryImport("COPY areas (id, geom) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var area in areas)
            {
                area.Geometry.SRID = 4326;
                import.StartRow();
                import.Write(area.Id);
                import.Write(Ewkb.Write(area.Geometry), NpgsqlTypes.NpgsqlDbType.Bytea);
            }

            import.Complete();
        }

        using var index = new NpgsqlCommand("CREATE INDEX areas_geom ON areas USING gist (geom); ANALYZE areas;", _connection);
        index.ExecuteNonQuery();
    }

    [Benchmark(OperationsPerInvoke = Points)]
    public long PostGisCovers()
    {
        long total = 0;
        foreach (var (lon, lat) in _points)
        {
            ((NpgsqlParameter<double>)_query.Parameters[0]).TypedValue = lon;
            ((NpgsqlParameter<double>)_query.Parameters[1]).TypedValue = lat;
            total += (long)_query.ExecuteScalar()!;
        }

        return total;
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _query.Dispose();
        _connection.Dispose();
        GC.SuppressFinalize(this);
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
