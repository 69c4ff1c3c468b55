using System.Collections.Concurrent;

namespace Dossier.Events.Dictionaries;

/// <summary>
/// One number for each word that any dictionary phrase uses, shared by every <see cref="PhraseTrie{T}"/> of the
/// process. The tokenizer gives each token its word's number (kept with the word's upper-case key in its memo,
/// so a known word costs no lookup here); the tries then step on integers, and a token whose word no dictionary
/// uses (most of a news text) fails every trie without a lookup.
/// </summary>
/// <remarks>
/// Only dictionary words are numbered, so the table grows with the dictionaries loaded, never with the text read.
/// Concurrent because a user's dictionaries may be loaded while another coder reads.
/// </remarks>
internal static class DictionaryWords
{
    /// <summary>The number of a word that no dictionary uses.</summary>
    public const int None = -1;

    /// <summary>How many words have been numbered: a word that was <see cref="None"/> stays so while this is unchanged.</summary>
    public static int Version => Volatile.Read(ref s_version);

    private static readonly ConcurrentDictionary<string, int> s_ids = new(StringComparer.Ordinal);
    private static int s_next;

    // Moved on only after a new word is in the table: a reader that saw the old version before looking a word up
    // and missed it knows to look again.
    private static int s_version;

    /// <summary>The number of a dictionary word, given it on first use.</summary>
    public static int Number(string word)
    {
        if (s_ids.TryGetValue(word, out var id)) return id;
        id = s_ids.GetOrAdd(word, static _ => Interlocked.Increment(ref s_next) - 1);
        Interlocked.Increment(ref s_version);
        return id;
    }

    /// <summary>The number of <paramref name="word"/>, or <see cref="None"/> when no dictionary uses it.</summary>
    public static int Of(string word) => s_ids.TryGetValue(word, out var id) ? id : None;
}
