namespace Dossier.Vocabulary;

/// <summary>
/// One word form exactly as written (case kept), shared by every occurrence of it in a run, with one slot per
/// stage for what that stage derives from the form. Each slot holds a pure function of <see cref="Surface"/>
/// (and of the stage's own tables), filled on first use: a race fills it twice with equal values.
/// </summary>
internal sealed class WordEntry(string surface)
{
    /// <summary>The characters of the word.</summary>
    public string Surface { get; } = surface;

    /// <summary>The language stage's value (its lexicon flags, with the tables they came from).</summary>
    public object? Language { get; set; }

    /// <summary>
    /// The event coder's upper-case key, null until the coder first meets the word. Kept in the entry itself, not in
    /// an object of its own, because the coder asks for it on every token: one memory read fewer per token.
    /// Written after <see cref="EventsNumber"/>, read before it.
    /// </summary>
    public string? EventsKey;

    /// <summary>The coder's dictionary word number (low half) and the numbering's version then (high half).</summary>
    public long EventsNumber;

    /// <summary>Grouping's and fusion's value (the lower-case form with its content terms).</summary>
    public object? Stories { get; set; }
}

/// <summary>
/// The words of one article's text, scanned once with their offsets: each maximal run of letters and digits and
/// its shared <see cref="WordEntry"/>. Every stage cuts the text into tokens its own way (the coder keeps
/// "U.S." and "anti-Gondor" whole, grouping splits them, the language stage keeps "O'Brien"), but most tokens
/// of every stage are exactly one such run; for those a stage reads its per-word value from the entry instead
/// of hashing the word into a memo of its own. Looking each word up once per article, not once per stage, is
/// the point: the shared memos were the largest single cost of a run (docs/PERFORMANCE.md).
/// </summary>
/// <remarks>
/// One instance per thread, reused from article to article (its arrays are the size of the longest text seen),
/// because the per-article stages of one article run on one thread in turn (extract, annotate, code, prepare).
/// A stage on another thread, or on another string, finds no scan and takes its own path: the same values, so
/// the same output, only slower.
/// </remarks>
internal sealed class TextWords
{
    /// <summary>Texts longer than this are not scanned: the offset index would cost more memory than it saves time.</summary>
    public const int MaxLength = 1 << 20;

    // Word forms repeat endlessly across a stream; the bound keeps odd input from growing the table forever.
    private static readonly BoundedMemo<WordEntry> Entries = new(1 << 20);

    [ThreadStatic]
    private static TextWords? t_current;

    private string? text;

    // Per offset: the run starting there, valid when its stamp is this scan's (no clearing between articles).
    private (int Stamp, int Run)[] runAt = [];
    private int stamp;

    private int[] ends = new int[512];
    private WordEntry[] entries = new WordEntry[512];
    private int count;

    /// <summary>Scans <paramref name="text"/> for this thread, unless it is the text scanned last.</summary>
    public static void Scan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            return;
        }

        var words = t_current ??= new TextWords();
        if (!ReferenceEquals(words.text, text))
        {
            words.Fill(text);
        }
    }

    /// <summary>This thread's scan of <paramref name="text"/> (this very string), or null when it has none.</summary>
    public static TextWords? Of(string text) => t_current is { } words && ReferenceEquals(words.text, text) ? words : null;

    /// <summary>
    /// The entry of the word that runs exactly from <paramref name="start"/> to <paramref name="end"/> in
    /// <paramref name="text"/>, or null when no run has those bounds (or the scan is of another text now).
    /// </summary>
    public WordEntry? At(string text, int start, int end)
    {
        if (!ReferenceEquals(this.text, text) || (uint)start >= (uint)text.Length)
        {
            return null;
        }

        var (s, run) = runAt[start];
        return s == stamp && ends[run] == end ? entries[run] : null;
    }

    private void Fill(string source)
    {
        text = null;
        if (runAt.Length < source.Length)
        {
            runAt = new (int, int)[Math.Max(source.Length, runAt.Length * 2)];
            stamp = 0;
        }

        if (stamp == int.MaxValue)
        {
            Array.Clear(runAt);
            stamp = 0;
        }

        stamp++;
        count = 0;
        var i = 0;
        while (i < source.Length)
        {
            if (!char.IsLetterOrDigit(source[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < source.Length && char.IsLetterOrDigit(source[i]))
            {
                i++;
            }

            Add(start, i, EntryOf(source.AsSpan(start, i - start)));
        }

        text = source;
    }

    private void Add(int start, int end, WordEntry entry)
    {
        if (count == ends.Length)
        {
            Array.Resize(ref ends, count * 2);
            Array.Resize(ref entries, count * 2);
        }

        runAt[start] = (stamp, count);
        ends[count] = end;
        entries[count++] = entry;
    }

    private static WordEntry EntryOf(ReadOnlySpan<char> word)
    {
        if (Entries.TryGetValue(word, out var known))
        {
            return known;
        }

        var entry = new WordEntry(word.ToString());
        Entries.Remember(entry.Surface, entry);
        return entry;
    }
}
