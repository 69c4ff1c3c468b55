namespace Dossier.Reading;

/// <summary>Outcome of reading one line.</summary>
internal enum LineStatus
{
    Line,
    EndOfStream,
    TooLong,
}

/// <summary>
/// A buffered, forward-only reader of lines and byte runs over a stream: what the WARC and JSONL readers need
/// to walk a file of any size while holding only one record in memory.
/// </summary>
internal sealed class ByteReader(Stream stream, int bufferSize = 64 * 1024)
{
    private readonly byte[] buffer = new byte[bufferSize];
    private int start;
    private int end;
    private bool eof;

    /// <summary>Bytes consumed so far.</summary>
    public long Position { get; private set; }

    /// <summary>True when nothing is left.</summary>
    public bool AtEnd => start == end && !Fill();

    /// <summary>
    /// Reads one line (without its LF or CRLF) into <paramref name="line"/>. A line longer than
    /// <paramref name="maxBytes"/> is skipped to its end and reported as <see cref="LineStatus.TooLong"/>.
    /// </summary>
    public LineStatus ReadLine(int maxBytes, MemoryStream line)
    {
        line.SetLength(0);
        var tooLong = false;
        var any = false;
        while (true)
        {
            if (start == end && !Fill())
            {
                if (!any)
                {
                    return LineStatus.EndOfStream;
                }

                break;
            }

            any = true;
            var span = buffer.AsSpan(start, end - start);
            var nl = span.IndexOf((byte)'\n');
            var take = nl < 0 ? span.Length : nl;
            if (!tooLong && line.Length + take > maxBytes)
            {
                tooLong = true;
                line.SetLength(0);
            }

            if (!tooLong)
            {
                line.Write(span[..take]);
            }

            var consumed = nl < 0 ? take : take + 1;
            start += consumed;
            Position += consumed;
            if (nl >= 0)
            {
                break;
            }
        }

        if (tooLong)
        {
            return LineStatus.TooLong;
        }

        if (line.Length > 0 && line.GetBuffer()[line.Length - 1] == '\r')
        {
            line.SetLength(line.Length - 1);
        }

        return LineStatus.Line;
    }

    /// <summary>Fills <paramref name="target"/>; returns how many bytes were available (fewer at the end of the stream).</summary>
    public int Read(Span<byte> target)
    {
        var total = 0;
        while (total < target.Length)
        {
            if (start == end && !Fill())
            {
                break;
            }

            var n = Math.Min(end - start, target.Length - total);
            buffer.AsSpan(start, n).CopyTo(target[total..]);
            start += n;
            total += n;
            Position += n;
        }

        return total;
    }

    /// <summary>Discards <paramref name="count"/> bytes; returns how many there were.</summary>
    public long Skip(long count)
    {
        long total = 0;
        while (total < count)
        {
            if (start == end && !Fill())
            {
                break;
            }

            var n = (int)Math.Min(end - start, count - total);
            start += n;
            total += n;
            Position += n;
        }

        return total;
    }

    /// <summary>The next byte without consuming it, or -1 at the end.</summary>
    public int Peek() => start == end && !Fill() ? -1 : buffer[start];

    private bool Fill()
    {
        if (eof)
        {
            return false;
        }

        start = 0;
        end = stream.Read(buffer, 0, buffer.Length);
        if (end == 0)
        {
            eof = true;
            return false;
        }

        return true;
    }
}
