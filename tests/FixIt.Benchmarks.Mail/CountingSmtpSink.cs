using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FixIt.Benchmarks.Mail;

/// <summary>
/// A minimal SMTP receiver on loopback that accepts everything and only counts, so the figure is the
/// dispatcher's, not the receiver's. (The SmtpServer package, used by the tests, closes a session after a
/// few thousand messages and costs more CPU per message than the sender under test.)
/// It works on bytes, one blocking thread per connection, as C sinks such as Postfix's smtp-sink do: no string
/// per line, replies to pipelined commands written together when the input runs dry, and CHUNKING (BDAT) so a
/// message is skipped by length. <c>XCNT</c> answers <c>250 &lt;count&gt;</c>, so a sender in another process
/// can check what arrived. A message counts when its final 250 is queued (end of DATA, or BDAT ... LAST).
/// </summary>
internal sealed class CountingSmtpSink : IAsyncDisposable
{
    private static readonly byte[] Greeting = "220 sink.bench ESMTP\r\n"u8.ToArray();
    private readonly Socket _listener;
    private readonly bool _chunking;
    private readonly Thread _accepting;
    private long _count;
    private volatile bool _stopping;

    /// <param name="port">0 for any free port.</param>
    /// <param name="chunking">Whether to advertise CHUNKING; without it clients send DATA, dot-stuffed.</param>
    public CountingSmtpSink(int port = 0, bool chunking = true)
    {
        _chunking = chunking;
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
        _listener.Listen(64);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _accepting = new Thread(Accept) { IsBackground = true, Name = "sink accept" };
        _accepting.Start();
    }

    public int Port { get; }

    public long Count => Interlocked.Read(ref _count);

    public ValueTask DisposeAsync()
    {
        _stopping = true;
        _listener.Dispose();
        _accepting.Join(TimeSpan.FromSeconds(5));
        return ValueTask.CompletedTask;
    }

    private void Accept()
    {
        while (!_stopping)
        {
            Socket client;
            try
            {
                client = _listener.Accept();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return;
            }

            new Thread(() => Serve(client)) { IsBackground = true, Name = "sink session" }.Start();
        }
    }

    private void Serve(Socket client)
    {
        using var _ = client;
        client.NoDelay = true;
        var session = new Session(this, client);
        try
        {
            session.Run();
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The client went away.
        }
    }

    /// <summary>One connection: a receive buffer parsed in place, and replies gathered until the input runs dry.</summary>
    private sealed class Session(CountingSmtpSink sink, Socket socket)
    {
        // "\r\n.\r\n" ends DATA; the state is how much of it has just been seen.
        private static readonly byte[] EndOfData = "\r\n.\r\n"u8.ToArray();
        private readonly byte[] _input = new byte[64 * 1024];
        private readonly byte[] _output = new byte[4 * 1024];
        private int _start, _end, _written;
        private Mode _mode = Mode.Command;
        private int _endState;
        private long _chunkLeft;
        private bool _chunkIsLast;

        private enum Mode
        {
            Command,
            Data,
            Chunk,
        }

        public void Run()
        {
            socket.Send(Greeting);
            while (true)
            {
                if (_start == _end)
                {
                    // Everything received is handled: send the gathered replies, then wait for more.
                    Flush();
                    _start = _end = 0;
                    var read = socket.Receive(_input, 0, _input.Length, SocketFlags.None);
                    if (read == 0)
                    {
                        return;
                    }

                    _end = read;
                }

                var keepGoing = _mode switch
                {
                    Mode.Data => ConsumeData(),
                    Mode.Chunk => ConsumeChunk(),
                    _ => ConsumeCommand(),
                };
                if (!keepGoing)
                {
                    Flush();
                    return;
                }
            }
        }

        private bool ConsumeCommand()
        {
            var line = _input.AsSpan(_start, _end - _start);
            var newline = line.IndexOf((byte)'\n');
            if (newline < 0)
            {
                // A partial command: keep it, read more behind it.
                if (_start > 0)
                {
                    line.CopyTo(_input);
                    (_start, _end) = (0, line.Length);
                }

                if (_end == _input.Length)
                {
                    throw new SocketException((int)SocketError.MessageSize);
                }

                Flush();
                var read = socket.Receive(_input, _end, _input.Length - _end, SocketFlags.None);
                if (read == 0)
                {
                    return false;
                }

                _end += read;
                return true;
            }

            _start += newline + 1;
            var command = line[..newline].TrimEnd((byte)'\r');
            var verb = command[..Math.Min(4, command.Length)];
            if (Is(verb, "DATA"u8))
            {
                Reply("354 go ahead\r\n"u8);
                (_mode, _endState) = (Mode.Data, 2); // the command's own CRLF starts the terminator
            }
            else if (Is(verb, "BDAT"u8))
            {
                var text = Encoding.ASCII.GetString(command[4..]).Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                _chunkLeft = long.Parse(text[0], System.Globalization.CultureInfo.InvariantCulture);
                _chunkIsLast = text.Length > 1 && text[1].Equals("LAST", StringComparison.OrdinalIgnoreCase);
                _mode = Mode.Chunk;
                if (_chunkLeft == 0)
                {
                    EndChunk();
                }
            }
            else if (Is(verb, "EHLO"u8))
            {
                Reply(sink._chunking ? "250-sink.bench\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 CHUNKING\r\n"u8 : "250-sink.bench\r\n250-PIPELINING\r\n250 8BITMIME\r\n"u8);
            }
            else if (Is(verb, "XCNT"u8))
            {
                Reply(Encoding.ASCII.GetBytes($"250 {sink.Count}\r\n"));
            }
            else if (Is(verb, "QUIT"u8))
            {
                Reply("221 bye\r\n"u8);
                return false;
            }
            else
            {
                Reply("250 ok\r\n"u8);
            }

            return true;
        }

        private bool ConsumeData()
        {
            var data = _input.AsSpan(_start, _end - _start);
            var i = 0;
            while (i < data.Length)
            {
                if (_endState == 0)
                {
                    // Most bytes are ordinary text: jump to the next CR.
                    var cr = data[i..].IndexOf((byte)'\r');
                    if (cr < 0)
                    {
                        i = data.Length;
                        break;
                    }

                    i += cr;
                }

                var b = data[i++];
                _endState = b == EndOfData[_endState] ? _endState + 1 : b == '\r' ? 1 : 0;
                if (_endState == EndOfData.Length)
                {
                    _start += i;
                    _mode = Mode.Command;
                    Interlocked.Increment(ref sink._count);
                    Reply("250 2.0.0 queued\r\n"u8);
                    return true;
                }
            }

            _start += i;
            return true;
        }

        private bool ConsumeChunk()
        {
            var take = (int)Math.Min(_chunkLeft, _end - _start);
            _start += take;
            _chunkLeft -= take;
            if (_chunkLeft == 0)
            {
                EndChunk();
            }

            return true;
        }

        private void EndChunk()
        {
            _mode = Mode.Command;
            if (_chunkIsLast)
            {
                Interlocked.Increment(ref sink._count);
                Reply("250 2.0.0 queued\r\n"u8);
            }
            else
            {
                Reply("250 2.0.0 chunk ok\r\n"u8);
            }
        }

        private void Reply(ReadOnlySpan<byte> reply)
        {
            if (_written + reply.Length > _output.Length)
            {
                Flush();
            }

            reply.CopyTo(_output.AsSpan(_written));
            _written += reply.Length;
        }

        private void Flush()
        {
            if (_written > 0)
            {
                socket.Send(_output, 0, _written, SocketFlags.None);
                _written = 0;
            }
        }

        private static bool Is(ReadOnlySpan<byte> verb, ReadOnlySpan<byte> expected) =>
            verb.Length == expected.Length && Ascii.EqualsIgnoreCase(verb, expected);
    }
}
