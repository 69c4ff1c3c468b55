using System.IO.Compression;

namespace Dossier.Reading;

/// <summary>An input broke a limit or is malformed; the message is the reason reported to the user.</summary>
public sealed class ReadLimitException(string message) : IOException(message);

/// <summary>Replays bytes already read for sniffing, then the rest of the inner stream.</summary>
internal sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream inner) : Stream
{
    private int position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (position < prefixLength)
        {
            var n = Math.Min(buffer.Length, prefixLength - position);
            prefix.AsSpan(position, n).CopyTo(buffer);
            position += n;
            return n;
        }

        return inner.Read(buffer);
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>Counts the bytes read through it, so a decompressor's input can be compared with its output.</summary>
internal sealed class CountingStream(Stream inner) : Stream
{
    private readonly byte[] tail = new byte[8];

    public long Count { get; private set; }

    /// <summary>The last (up to) eight bytes read: where a gzip member keeps its CRC-32 and length.</summary>
    public ReadOnlySpan<byte> Tail => Count >= 8 ? tail : tail.AsSpan(8 - (int)Count);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        if (n >= 8)
        {
            buffer[(n - 8)..n].CopyTo(tail);
        }
        else if (n > 0)
        {
            tail.AsSpan(n).CopyTo(tail);
            buffer[..n].CopyTo(tail.AsSpan(8 - n));
        }

        Count += n;
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>
/// Decompresses gzip (every member of a multi-member file, as <c>.warc.gz</c> has one per record) and
/// refuses to go on once the output outgrows the input by more than the allowed ratio: a bomb is stopped
/// after a few megabytes, not after filling the disk or the memory.
/// </summary>
internal sealed class GuardedDecompressionStream : Stream
{
    // Below this much output the ratio is not checked: tiny files compress well and are harmless.
    private const long Slack = 1024 * 1024;

    private readonly CountingStream counted;
    private readonly Stream decompressor;
    private readonly int maxRatio;
    private long produced;

    public GuardedDecompressionStream(Stream compressed, int maxRatio, string format = "gzip")
    {
        counted = new CountingStream(compressed);
        decompressor = format switch
        {
            "deflate" => new ZLibStream(counted, CompressionMode.Decompress),
            "br" => new BrotliStream(counted, CompressionMode.Decompress),
            _ => new GZipStream(counted, CompressionMode.Decompress),
        };
        this.maxRatio = maxRatio;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = decompressor.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw new ReadLimitException("corrupt compressed data (" + e.Message.TrimEnd('.') + ")");
        }

        produced += n;
        if (produced > Slack && produced > maxRatio * Math.Max(1, counted.Count))
        {
            throw new ReadLimitException($"decompresses more than {maxRatio} times its size (likely a gzip bomb)");
        }

        return n;
    }

    /// <summary>
    /// Whether a gzip stream whose whole output is <paramref name="output"/> ended with its trailer. .NET's
    /// decompressor returns end of data at a cut without a word, so a file cut in half would pass as whole:
    /// the last member's trailer (CRC-32 and length of its output) must match the end of the output. A cut
    /// file ends inside compressed data, whose last eight bytes match by chance once in 2^32 or more.
    /// </summary>
    public bool EndsWithTrailer(ReadOnlySpan<byte> output)
    {
        var tail = counted.Tail;
        if (tail.Length < 8)
        {
            return false;
        }

        var crc = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(tail);
        var size = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(tail[4..]);
        return size <= output.Length && System.IO.Hashing.Crc32.HashToUInt32(output[^(int)size..]) == crc;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            decompressor.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>Reading helpers with limits.</summary>
internal static class StreamExtensions
{
    /// <summary>Fills <paramref name="buffer"/> as far as the stream allows; returns how many bytes were read.</summary>
    public static int ReadUpTo(this Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = stream.Read(buffer[total..]);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    /// <summary>Reads the whole stream, failing as soon as it passes <paramref name="max"/> bytes.</summary>
    /// <param name="stream">The stream, read to its end.</param>
    /// <param name="max">The most bytes allowed.</param>
    /// <param name="sizeText">The limit as shown in the error.</param>
    /// <param name="expected">The length the stream is expected to have (a file's size), when known: the bytes are then
    /// read straight into an array of that size. Reading a hundred thousand small files through a fresh 80 KB chunk
    /// each spent more time zeroing the chunks than reading the files.</param>
    public static byte[] ReadAllBounded(this Stream stream, long max, string sizeText, long? expected = null)
    {
        byte[]? exact = null;
        var filled = 0;
        if (expected is > 0 and <= int.MaxValue && expected.Value <= max)
        {
            exact = GC.AllocateUninitializedArray<byte>((int)expected.Value);
            filled = stream.ReadUpTo(exact);
            if (filled < exact.Length)
            {
                return exact[..filled];
            }

            // The file may have grown since its size was read: one more byte says whether to go on.
            Span<byte> probe = stackalloc byte[1];
            if (stream.Read(probe) == 0)
            {
                return exact;
            }

            if (exact.Length + 1L > max)
            {
                throw new ReadLimitException($"larger than the {sizeText} limit");
            }

            using var rest = new MemoryStream();
            rest.Write(exact);
            rest.Write(probe);
            return ReadRest(stream, rest, max, sizeText);
        }

        using var buffer = new MemoryStream();
        return ReadRest(stream, buffer, max, sizeText);
    }

    private static byte[] ReadRest(Stream stream, MemoryStream buffer, long max, string sizeText)
    {
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            while (true)
            {
                var n = stream.Read(chunk);
                if (n == 0)
                {
                    return buffer.ToArray();
                }

                if (buffer.Length + n > max)
                {
                    throw new ReadLimitException($"larger than the {sizeText} limit");
                }

                buffer.Write(chunk, 0, n);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
