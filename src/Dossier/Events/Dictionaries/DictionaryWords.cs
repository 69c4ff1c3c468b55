using System.Collections.Concurrent;

namespace Dossier.Events.Dictionaries;

/// <summary>
/// One number for each word that any dictionary phrase uses, shared by every <see cref="PhraseTrie{T}"/> of the
/// process. A sentence's tokens are looked up here once each (<see cref="Of(ReadOnlySpan{Token})"/>); the tries then step on integers,
/// and a token whose word no dictionary uses (most of a news text) fails every trie without a lookup.
/// </summary>
/// <remarks>
/// Only dictionary words are numbered, so the table grows with the dictionaries loaded, never with the text read.
/// Concurrent because a user's dictionaries may be loaded while another coder reads.
/// </remarks>
internal static class DictionaryWords
{
    /// <summary>The number of a word that no dictionary uses.</summary>
    public const int None = -1;

    private static readonly ConcurrentDictionary<string, int> s_ids = new(StringComparer.Ordinal);
    private static int s_next;

    /// <summary>The number of a dictionary word, given it on first use.</summary>
    public static int Number(string word) =>
        s_ids.TryGetValue(word, out var id) ? id : s_ids.GetOrAdd(word, static _ => Interlocked.Increment(ref s_next) - 1);

    /// <summary>The number of <paramref name="word"/>, or <see cref="None"/> when no dictionary uses it.</summary>
    public static int Of(string word) => s_ids.TryGetValue(word, out var id) ? id : None;

    /// <summary>The numbers of the tokens' words, one lookup each.</summary>
    public static int[] Of(ReadOnlySpan<Token> tokens)
    {
        var ids = new int[tokens.Length];
        for (var i = 0; i < tokens.Length; i++) ids[i] = Of(tokens[i].Key);
        return ids;
    }
}
