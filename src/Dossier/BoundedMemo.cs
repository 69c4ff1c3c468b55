using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Dossier;

/// <summary>
/// A string-keyed memo shared by every thread, for values that are pure functions of the key (a word's
/// folded terms, its upper- or lower-cased form). The vocabulary of news is small, so after a short while
/// almost every lookup hits; the bound keeps odd input from growing it forever (past it, values are
/// computed and not kept). Keys can be looked up as spans, without making a string first.
/// </summary>
internal sealed class BoundedMemo<TValue>
{
    private readonly ConcurrentDictionary<string, TValue> entries;
    private readonly ConcurrentDictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> bySpan;
    private readonly int limit;

    // Kept apart from the table: ConcurrentDictionary.Count takes every lock of the table.
    private int count;

    /// <param name="limit">The most entries kept.</param>
    /// <param name="comparer">How keys compare (ordinal unless given); it must compare spans with strings too.</param>
    public BoundedMemo(int limit, StringComparer? comparer = null)
    {
        entries = new ConcurrentDictionary<string, TValue>(comparer ?? StringComparer.Ordinal);
        bySpan = entries.GetAlternateLookup<ReadOnlySpan<char>>();
        this.limit = limit;
    }

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value) => entries.TryGetValue(key, out value);

    public bool TryGetValue(ReadOnlySpan<char> key, [MaybeNullWhen(false)] out TValue value) => bySpan.TryGetValue(key, out value);

    /// <summary>Keeps <paramref name="value"/> for <paramref name="key"/>, unless the memo is full or has it already.</summary>
    public void Remember(string key, TValue value)
    {
        if (Volatile.Read(ref count) < limit && entries.TryAdd(key, value))
        {
            Interlocked.Increment(ref count);
        }
    }
}
