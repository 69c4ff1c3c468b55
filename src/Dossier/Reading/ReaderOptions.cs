namespace Dossier.Reading;

/// <summary>Limits that keep one bad input from hurting the batch.</summary>
public sealed record ReaderOptions
{
    /// <summary>Largest document accepted, in bytes (default 20 MB). Containers (WARC, JSONL) are not capped as a whole: each record is.</summary>
    public long MaxDocumentBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>
    /// Largest ratio of decompressed to compressed bytes accepted from gzip (default 100). Real HTML and WARC
    /// compress 4 to 15 times; a bomb compresses a thousand times and more.
    /// </summary>
    public int MaxDecompressionRatio { get; init; } = 100;

    /// <summary>Largest header block of a WARC record or HTTP response, in bytes (default 256 KB).</summary>
    public int MaxHeaderBytes { get; init; } = 256 * 1024;

    /// <summary>
    /// Files never read as inputs, by full path: a store's own database files (<c>news.db</c>, <c>-wal</c>, <c>-shm</c>,
    /// <c>-journal</c>) when the store lives inside the folder being read. Skipped silently, whether found in a folder or named.
    /// </summary>
    public IReadOnlySet<string> Excluded { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>True when <paramref name="path"/> is one of <see cref="Excluded"/>.</summary>
    internal bool IsExcluded(string path) => Excluded.Count > 0 && Excluded.Contains(Path.GetFullPath(path));

    /// <summary>The cap as words for error messages (<c>20 MB</c>).</summary>
    internal string MaxDocumentSizeText => SizeText(MaxDocumentBytes);

    internal static string SizeText(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MB",
        >= 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#} MB",
        >= 1024 when bytes % 1024 == 0 => $"{bytes / 1024} KB",
        _ => $"{bytes} bytes",
    };

    /// <summary>Parses a size such as <c>20MB</c>, <c>512k</c>, <c>1G</c> or a plain number of bytes.</summary>
    public static bool TryParseSize(string? text, out long bytes)
    {
        bytes = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim().ToUpperInvariant();
        long unit = 1;
        if (s.EndsWith('B'))
        {
            s = s[..^1];
        }

        if (s.Length > 0 && s[^1] is 'K' or 'M' or 'G')
        {
            unit = s[^1] switch { 'K' => 1024L, 'M' => 1024L * 1024, _ => 1024L * 1024 * 1024 };
            s = s[..^1];
        }

        if (!double.TryParse(s.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) || value <= 0 || value * unit > long.MaxValue / 2)
        {
            return false;
        }

        bytes = (long)(value * unit);
        return bytes > 0;
    }
}
