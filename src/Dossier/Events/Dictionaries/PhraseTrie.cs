namespace Dossier.Events.Dictionaries;

/// <summary>A trie over upper-case words: finds the longest dictionary phrase starting at a token.</summary>
/// <typeparam name="T">The value stored at the end of a phrase.</typeparam>
/// <remarks>
/// Steps are keyed by word numbers (<see cref="DictionaryWords"/>), not strings: a sentence's words are numbered
/// once and every trie then walks integers, where a string key cost a hash at every step of every trie.
/// </remarks>
public sealed class PhraseTrie<T> where T : class
{
    private sealed class Node
    {
        public Dictionary<int, Node>? Next;
        public T? Value;
    }

    private readonly Node _root = new();

    // The root's children again, indexed by word number: the first step, which most tokens fail, is one array read.
    // Words numbered after the last Add (by other dictionaries) lie past its end and start no phrase here.
    private Node?[] _starts = [];

    /// <summary>Number of phrases stored.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a phrase; when it is already present the existing value is kept and returned.</summary>
    public T Add(ReadOnlySpan<string> words, T value, bool replace = false)
    {
        var node = _root;
        foreach (var w in words)
        {
            var id = DictionaryWords.Number(w);
            node.Next ??= [];
            if (!node.Next.TryGetValue(id, out var child))
            {
                child = new Node();
                node.Next[id] = child;
                if (node == _root)
                {
                    if (id >= _starts.Length) Array.Resize(ref _starts, Math.Max(id + 1, _starts.Length * 2));
                    _starts[id] = child;
                }
            }
            node = child;
        }
        if (node.Value is { } existing && !replace) return existing;
        if (node.Value is not null) { node.Value = value; return value; }
        node.Value = value;
        Count++;
        return value;
    }

    /// <summary>The value of exactly this phrase, or null.</summary>
    public T? Get(ReadOnlySpan<string> words)
    {
        var node = _root;
        foreach (var w in words)
        {
            if (node.Next is null || !node.Next.TryGetValue(DictionaryWords.Of(w), out node)) return null;
        }
        return node.Value;
    }

    /// <summary>The longest phrase starting at <paramref name="start"/>; returns its length in tokens (0 when none).</summary>
    public int Longest(ReadOnlySpan<KeyedToken> tokens, int start, out T? value, Func<int, bool>? stop = null)
    {
        value = null;
        var best = 0;
        var node = _root;
        for (var i = start; i < tokens.Length; i++)
        {
            if (stop is not null && i > start && stop(i)) break;
            if (node.Next is null || !node.Next.TryGetValue(DictionaryWords.Of(tokens[i].Key), out node)) break;
            if (node.Value is not null) { best = i - start + 1; value = node.Value; }
        }
        return best;
    }

    /// <summary>The longest phrase starting at <paramref name="start"/> of words already numbered (<see cref="DictionaryWords"/>; <see cref="DictionaryWords.None"/> matches nothing).</summary>
    internal int Longest(ReadOnlySpan<int> words, int start, out T? value)
    {
        value = null;
        var first = start < words.Length ? words[start] : DictionaryWords.None;
        var starts = _starts;
        if (first < 0 || first >= starts.Length || starts[first] is not { } node) return 0;
        var best = 0;
        for (var i = start; ; )
        {
            if (node.Value is not null) { best = i - start + 1; value = node.Value; }
            if (++i >= words.Length) break;
            var id = words[i];
            if (id == DictionaryWords.None || node.Next is null || !node.Next.TryGetValue(id, out node)) break;
        }
        return best;
    }
}
