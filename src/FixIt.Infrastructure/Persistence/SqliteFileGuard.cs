using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace FixIt.Infrastructure.Persistence;

/// <summary>
/// Notices when the SQLite file FixIt opened at start is deleted or replaced under the running process. Pooled
/// connections keep writing to the old, unlinked file and every write would be lost at restart, so once the path
/// no longer names the file opened at start, writes are refused (503) and readiness fails. The comparison is
/// SQLite's own (SQLITE_FCNTL_HAS_MOVED: the path is gone or names another inode) on one connection held open
/// from the first use (start); moving the same file back clears it.
/// </summary>
public sealed partial class SqliteFileGuard(ILogger<SqliteFileGuard> logger) : IDisposable
{
    private const int HasMovedOperation = 20;
    private const int SqliteOk = 0;

    private readonly Lock _lock = new();
    private string? _connectionString;
    private string? _path;
    private SqliteConnection? _pinned;
    private bool _nativeCheck = true;
    private bool _reported;

    /// <summary>Says which database to watch; the first connection string wins (they are all the same).</summary>
    public void Watch(string connectionString)
    {
        lock (_lock)
        {
            if (_connectionString is not null)
            {
                return;
            }

            var builder = new SqliteConnectionStringBuilder(connectionString);
            _connectionString = connectionString;
            _path = builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:" ? null : Path.GetFullPath(builder.DataSource);
        }
    }

    /// <summary>True when the configured path no longer names the file opened at start.</summary>
    public bool HasMoved()
    {
        lock (_lock)
        {
            if (_path is null || !TryPin())
            {
                return false;
            }

            var moved = IsMoved();
            if (moved && !_reported)
            {
                LogMoved(logger, _path);
            }

            _reported = moved;
            return moved;
        }
    }

    public void ThrowIfMoved()
    {
        if (HasMoved())
        {
            throw new DatabaseUnavailableException("The database file was deleted or replaced while FixIt was running; nothing was stored.");
        }
    }

    public void Dispose() => _pinned?.Dispose();

    private bool TryPin()
    {
        if (_pinned is not null)
        {
            return true;
        }

        if (_path is null || !File.Exists(_path))
        {
            return false;
        }

        // Its own connection (not pooled, not the shared cache), idle for the life of the process: it holds no lock.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(_connectionString)
        {
            Mode = SqliteOpenMode.ReadWrite,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
        }.ToString());
        connection.Open();
        _pinned = connection;
        return true;
    }

    private bool IsMoved()
    {
        if (_nativeCheck)
        {
            try
            {
                var moved = 0;
                var rc = FileControl(_pinned!.Handle!.DangerousGetHandle(), "main", HasMovedOperation, ref moved);
                if (rc == SqliteOk)
                {
                    return moved != 0;
                }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                _nativeCheck = false;
            }
        }

        // A SQLite build without the check: at least notice a deleted file.
        return !File.Exists(_path);
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA2101", Justification = "The name is marshalled explicitly as UTF-8 (LPUTF8Str), the encoding SQLite's C API takes.")]
    [DllImport("e_sqlite3", EntryPoint = "sqlite3_file_control", CallingConvention = CallingConvention.Cdecl)]
    private static extern int FileControl(IntPtr db, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, int operation, ref int argument);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The SQLite database file {Path} was deleted or replaced while FixIt was running; writes are refused until it is back or FixIt restarts")]
    private static partial void LogMoved(ILogger logger, string path);
}
