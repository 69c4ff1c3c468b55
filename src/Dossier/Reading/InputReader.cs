using Dossier.Model;

namespace Dossier.Reading;

/// <summary>
/// Turns what the user named (files, folders, <c>-</c> for stdin) into decoded documents, one error item
/// per input, record or line that cannot be read; the batch always goes on. Content is recognised by
/// sniffing its first bytes (gzip, WARC, JSONL, RSS/Atom, HTML, text), not by file name. Folders are walked
/// recursively in ordinal order so runs are repeatable. Containers (WARC, JSONL) are streamed record by
/// record; single documents are read up to the size cap and no further.
/// </summary>
public sealed class InputReader
{
    private readonly FileAccess files;

    /// <summary>A reader with default limits.</summary>
    public InputReader() : this(new ReaderOptions()) { }

    /// <summary>A reader with the given limits.</summary>
    public InputReader(ReaderOptions options) : this(options, FileAccess.Real) { }

    internal InputReader(ReaderOptions options, FileAccess files)
    {
        Options = options;
        this.files = files;
    }

    /// <summary>The options in force.</summary>
    public ReaderOptions Options { get; }

    /// <summary>Reads every input in order.</summary>
    public IEnumerable<ReadItem> Read(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            IEnumerable<ReadItem> items;
            if (path == "-")
            {
                items = ReadStdin();
            }
            else if (files.IsDirectory(path))
            {
                items = ReadFolder(path);
            }
            else if (!files.IsFile(path))
            {
                items = [ReadItem.Failed(path, null, "no such file or folder")];
            }
            else if (Options.IsExcluded(path))
            {
                items = [];
            }
            else
            {
                items = ReadFile(path);
            }

            foreach (var item in items)
            {
                yield return item;
            }
        }
    }

    /// <summary>Reads one stream (a file's content, a download, stdin) named <paramref name="path"/> in messages.</summary>
    public IEnumerable<ReadItem> Read(string path, Stream stream) => ReadStream(path, stream, null);

    /// <summary>Reads the demo corpus embedded in the library.</summary>
    public IEnumerable<ReadItem> ReadDemo()
    {
        foreach (var name in EmbeddedData.Names(typeof(InputReader).Assembly, DemoPrefix))
        {
            var stream = EmbeddedData.Open(typeof(InputReader).Assembly, DemoPrefix + name);
            foreach (var item in ReadStream("demo/" + name, stream, null))
            {
                yield return item;
            }
        }
    }

    /// <summary>Names of the embedded demo files.</summary>
    public static IReadOnlyList<string> DemoFileNames() => [.. EmbeddedData.Names(typeof(InputReader).Assembly, DemoPrefix).Select(n => DemoPrefix + n)];

    private const string DemoPrefix = "Dossier.demo.";

    private IEnumerable<ReadItem> ReadStdin()
    {
        Stream stdin;
        try
        {
            stdin = Console.OpenStandardInput();
        }
        catch (IOException e)
        {
            return [ReadItem.Failed("-", null, e.Message)];
        }

        return ReadStream("-", stdin, null);
    }

    private IEnumerable<ReadItem> ReadFolder(string folder)
    {
        var found = new List<(string Path, string? Error)>();
        Walk(folder, found);
        found.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        // Files are opened, read and decoded a few ahead on every core, and handed on in order: a folder of many
        // small files is bound by system calls and decoding, which a single thread would do one file at a time.
        // A task reads a few files, not one: a task per small file spent more time waking threads than reading.
        // Eight tasks per core in flight (128 files on two cores) bound the read-ahead; the document cap bounds each file.
        var degree = Environment.ProcessorCount;
        var ahead = OrderedParallel.Map(found.Chunk(8),
            chunk => chunk.Select(f => f.Error is null ? ReadFileAhead(f.Path) : [ReadItem.Failed(f.Path, null, f.Error)]).ToList(), degree, window: 8 * degree);
        foreach (var files in ahead)
        {
            foreach (var items in files)
            {
                foreach (var item in items)
                {
                    yield return item;
                }
            }
        }
    }

    // One unreadable sub-folder is one error; its siblings are still read.
    private void Walk(string folder, List<(string Path, string? Error)> found)
    {
        IReadOnlyList<string> entries, folders;
        try
        {
            entries = files.Files(folder);
            folders = files.Folders(folder);
        }
        catch (UnauthorizedAccessException)
        {
            found.Add((folder, "permission denied"));
            return;
        }
        catch (IOException e)
        {
            found.Add((folder, e.Message));
            return;
        }

        foreach (var file in entries.Where(f => !Options.IsExcluded(f)))
        {
            found.Add((file, null));
        }

        foreach (var sub in folders)
        {
            Walk(sub, found);
        }
    }

    private IEnumerable<ReadItem> ReadFile(string path)
    {
        var (stream, failed) = OpenFile(path);
        return failed ?? ReadStream(path, stream!, stream!.CanSeek ? stream.Length : null);
    }

    /// <summary>
    /// Reads a file now, not when enumerated: a single document is read and decoded here and its file closed;
    /// only a container (WARC, JSONL) stays open, to be streamed record by record by whoever enumerates it.
    /// </summary>
    private IEnumerable<ReadItem> ReadFileAhead(string path)
    {
        var (stream, failed) = OpenFile(path);
        if (failed is not null)
        {
            return failed;
        }

        var file = stream!;
        try
        {
            var (items, streaming) = Dispatch(path, file, file.CanSeek ? file.Length : null);
            if (streaming)
            {
                return Streamed(items, file);
            }

            file.Dispose();
            return items;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private (Stream? Stream, ReadItem[]? Failed) OpenFile(string path)
    {
        try
        {
            return (files.Open(path), null);
        }
        catch (UnauthorizedAccessException)
        {
            return (null, [ReadItem.Failed(path, null, "permission denied")]);
        }
        catch (IOException e)
        {
            return (null, [ReadItem.Failed(path, null, e.Message)]);
        }
    }

    private IEnumerable<ReadItem> ReadStream(string path, Stream raw, long? length)
    {
        try
        {
            foreach (var item in Dispatch(path, raw, length).Items)
            {
                yield return item;
            }
        }
        finally
        {
            raw.Dispose();
        }
    }

    private static IEnumerable<ReadItem> Streamed(IEnumerable<ReadItem> items, Stream raw)
    {
        try
        {
            foreach (var item in items)
            {
                yield return item;
            }
        }
        finally
        {
            raw.Dispose();
        }
    }

    /// <summary>The document(s) of one stream; Streaming when they are read lazily from the still-open stream.</summary>
    private (IEnumerable<ReadItem> Items, bool Streaming) Dispatch(string path, Stream raw, long? length)
    {
        ContentFormat format;
        Stream stream;
        GuardedDecompressionStream? inflated;
        try
        {
            (format, stream, inflated) = Open(raw, length);
            format = ContentSniffer.ByName(format, path == "-" ? null : path);
        }
        catch (IOException e)
        {
            return Single(ReadItem.Failed(path, null, e is ReadLimitException ? e.Message : "read error: " + e.Message));
        }

        switch (format)
        {
            case ContentFormat.Empty:
                return Single(ReadItem.Failed(path, null, "empty file"));
            case ContentFormat.Binary:
                return Single(ReadItem.Failed(path, null, "binary content" + BinaryName(stream)));
            case ContentFormat.Gzip:
                return Single(ReadItem.Failed(path, null, "gzip inside gzip is not read"));
            case ContentFormat.Warc:
                return (new WarcReader(stream, path, Options).Read(), true);
            case ContentFormat.Jsonl:
                return (new JsonlReader(stream, path, Options).Read(), true);
            case ContentFormat.OtherXml:
                return Single(ReadItem.Failed(path, null, "XML that is neither an RSS or Atom feed nor XHTML"));
        }

        var compressed = inflated is not null;
        if (!compressed && length > Options.MaxDocumentBytes)
        {
            return Single(ReadItem.Failed(path, null, $"larger than the {Options.MaxDocumentSizeText} limit"));
        }

        byte[] bytes;
        try
        {
            bytes = stream.ReadAllBounded(Options.MaxDocumentBytes, Options.MaxDocumentSizeText, compressed ? null : length);
        }
        catch (IOException e)
        {
            return Single(ReadItem.Failed(path, null, e is ReadLimitException ? e.Message : "read error: " + e.Message));
        }

        // A cut gzip file decompresses without complaint up to the cut: what was read is kept, marked, and reported.
        var truncated = inflated is not null && !inflated.EndsWithTrailer(bytes) ? TruncatedGzip : null;
        if (!ContentDecoder.TryDecode(bytes, out var text, out var reason))
        {
            return Single(ReadItem.Failed(path, null, truncated is null ? reason : reason + "; " + truncated));
        }

        var hints = truncated is null ? SourceHints.None : new SourceHints { Truncated = truncated };
        IEnumerable<ReadItem> items = format switch
        {
            ContentFormat.Feed => FeedReader.Read(path, text),
            ContentFormat.Html => [ReadItem.Of(new SourceDocument(path, null, DocumentKind.Html, text, hints))],
            _ => [ReadItem.Of(new SourceDocument(path, null, DocumentKind.Text, text, hints))],
        };
        if (truncated is not null)
        {
            items = [.. items, ReadItem.Failed(path, null, $"{truncated}: kept the {bytes.Length} bytes before the cut")];
        }

        return (items, false);
    }

    /// <summary>The reason given for a gzip file that ends before its end.</summary>
    public const string TruncatedGzip = "truncated gzip (ends before its trailer)";

    private static (IEnumerable<ReadItem> Items, bool Streaming) Single(ReadItem item) => ([item], false);

    // Sniffs the first bytes; for gzip, sniffs again inside. The returned stream replays what was sniffed.
    private (ContentFormat Format, Stream Stream, GuardedDecompressionStream? Inflated) Open(Stream raw, long? length)
    {
        // A small file needs no more head than its size (plus one byte, to see that it ends there).
        var head = new byte[length is { } known && known < ContentSniffer.HeadSize ? (int)known + 1 : ContentSniffer.HeadSize];
        var n = raw.ReadUpTo(head);
        Stream stream = new PrefixedStream(head, n, raw);
        var format = ContentSniffer.Sniff(head.AsSpan(0, n));
        if (format != ContentFormat.Gzip)
        {
            return (format, stream, null);
        }

        var inflated = new GuardedDecompressionStream(stream, Options.MaxDecompressionRatio);
        var inner = new byte[ContentSniffer.HeadSize];
        var m = inflated.ReadUpTo(inner);
        return (ContentSniffer.Sniff(inner.AsSpan(0, m)), new PrefixedStream(inner, m, inflated), inflated);
    }

    private static string BinaryName(Stream stream)
    {
        var head = new byte[16];
        var n = stream.ReadUpTo(head);
        var name = ContentSniffer.BinaryKind(head.AsSpan(0, n));
        return string.IsNullOrEmpty(name) ? "" : $" ({name})";
    }
}

/// <summary>The file-system calls the reader makes, replaceable in tests (a permission failure cannot be staged as root).</summary>
internal sealed record FileAccess(
    Func<string, bool> IsFile,
    Func<string, bool> IsDirectory,
    Func<string, IReadOnlyList<string>> Files,
    Func<string, IReadOnlyList<string>> Folders,
    Func<string, Stream> Open)
{
    private static readonly EnumerationOptions Enumeration = new()
    {
        IgnoreInaccessible = false,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        RecurseSubdirectories = false,
    };

    public static FileAccess Real { get; } = new(
        File.Exists,
        Directory.Exists,
        folder => [.. Directory.EnumerateFiles(folder, "*", Enumeration)],
        // Symbolic links to folders are not followed: a link cycle must not make the walk endless.
        folder => [.. Directory.EnumerateDirectories(folder, "*", Enumeration).Where(d => new DirectoryInfo(d).LinkTarget is null)],
        path => new FileStream(path, FileMode.Open, System.IO.FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan));
}
