namespace Dossier.Events.Dictionaries;

/// <summary>A trie over upper-case words: finds the longest dictionary phrase starting at a token.</summary>
/// <typeparam name="T">The value stored at the end of a phrase.</typeparam>
public sealed class PhraseTrie<T> where T : class
{
    private sealed class Node
    {
        public Dictionary<string, Node>? Next;
        public T? Value;
    }

    private readonly Node _root = new();

    /// <summary>Number of phrases stored.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a phrase; when it is already present the existing value is kept and returned.</summary>
    public T Add(ReadOnlySpan<string> words, T value, bool replace = false)
    {
        var node = _root;
        foreach (var w in words)
        {
            node.Next ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Next.TryGetValue(w, out var child)) { child = new Node(); node.Next[w] = child; }
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
            if (node.Next is null || !node.Next.TryGetValue(w, out node)) return null;
        }
        return node.Value;
    }

    /// <summary>The longest phrase starting at <paramref name="start"/>; returns its length in tokens (0 when none).</summary>
    public int Longest(ReadOnlySpan<Token> tokens, int start, out T? value, Func<int, bool>? stop = null)
    {
        value = null;
        var best = 0;
        var node = _root;
        for (var i = start; i < tokens.Length; i++)
        {
            if (stop is not null && i > start && stop(i)) break;
            if (node.Next is null || !node.Next.TryGetValue(tokens[i].Key, out node)) break;
            if (node.Value is not null) { best = i - start + 1; value = node.Value; }
        }
        return best;
    }
}
