namespace FixIt.Infrastructure.Mail.Inbound.Smtp;

/// <summary>
/// RFC 5321 4.5.2 on a stream of chunks: a line holding only "." ends the data; a leading dot on any other line is
/// removed. Lines end with CRLF; the data starts at a line start. The CRLF before the final dot belongs to the
/// message, so the stored message is byte for byte what the client meant.
/// </summary>
internal sealed class DotDataParser
{
    private State _state = State.LineStart;

    public bool Ended => _state == State.Ended;

    /// <summary>Writes the unstuffed data of <paramref name="input"/> into <paramref name="output"/> (at least as long); returns how much input was used.</summary>
    public int Parse(ReadOnlySpan<byte> input, Span<byte> output, out int written)
    {
        written = 0;
        for (var i = 0; i < input.Length; i++)
        {
            var b = input[i];
            switch (_state)
            {
                case State.LineStart when b == '.':
                    _state = State.Dot;
                    continue;
                case State.Dot when b == '\r':
                    _state = State.DotCr;
                    continue;
                case State.DotCr when b == '\n':
                    _state = State.Ended;
                    return i + 1;
                case State.DotCr:
                    // ".\r" and something else: the dot was stuffing, the CR is data.
                    output[written++] = (byte)'\r';
                    break;
            }

            output[written++] = b;
            _state = b switch
            {
                (byte)'\r' => State.Cr,
                (byte)'\n' when _state == State.Cr => State.LineStart,
                _ => State.Middle,
            };
        }

        return input.Length;
    }

    private enum State
    {
        LineStart,
        Middle,
        Cr,
        Dot,
        DotCr,
        Ended,
    }
}
