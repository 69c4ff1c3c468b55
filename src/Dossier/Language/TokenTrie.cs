using Dossier.Vocabulary;

namespace Dossier.Language;

/// <summary>
/// A dictionary of multi-word phrases keyed token by token, for longest-match lookup over a token stream
/// without building strings. Keys compare case-insensitively; callers check case where it matters.
/// </summary>
/// <typeparam name="T">What a phrase maps to.</typeparam>
public sealed class TokenTrie<T>
    where T : class
{
    private readonly Node root = new();

    /// <summary>The number of words in the longest phrase.</summary>
    public int MaxTokens { get; private set; }

    /// <summary>Adds <paramref name="phrase"/>; the first value added for a phrase wins.</summary>
    public void Add(string phrase, T value)
    {
        var tokens = Tokenizer.Tokenize(phrase);
        if (tokens.Length == 0)
        {
            return;
        }

        var node = root;
        foreach (var token in tokens)
        {
            var key = KeyOf(phrase, token).ToString();
            node.Children ??= new Dictionary<string, Node>(FastComparer.IgnoreCase);
            if (!node.Children.TryGetValue(key, out var next))
            {
                next = new Node();
                node.Children[key] = next;
            }

            node = next;
        }

        node.Value ??= value;
        MaxTokens = Math.Max(MaxTokens, tokens.Length);
    }

    /// <summary>The words that begin some phrase.</summary>
    public IEnumerable<string> FirstWords => root.Children?.Keys ?? Enumerable.Empty<string>();

    /// <summary>Freezes lookups; call once after the last <see cref="Add"/>.</summary>
    public TokenTrie<T> Seal()
    {
        root.Seal();
        return this;
    }

    /// <summary>True when the first token alone begins some phrase.</summary>
    public bool Starts(string text, Token token) => root.TryGet(KeyOf(text, token), out _);

    /// <summary>The longest phrase starting at <paramref name="index"/>.</summary>
    /// <param name="text">The text the tokens index.</param>
    /// <param name="tokens">The token stream.</param>
    /// <param name="index">Where the phrase must start.</param>
    /// <param name="end">One past the last token the phrase may use.</param>
    /// <param name="count">How many tokens matched.</param>
    /// <param name="value">The phrase's value.</param>
    public bool TryMatch(string text, ReadOnlySpan<Token> tokens, int index, int end, out int count, out T? value)
    {
        count = 0;
        value = null;
        var node = root;
        end = Math.Min(end, tokens.Length);
        for (var k = index; k < end; k++)
        {
            if (!node.TryGet(KeyOf(text, tokens[k]), out var next))
            {
                break;
            }

            node = next!;
            if (node.Value is not null)
            {
                count = k - index + 1;
                value = node.Value;
            }
        }

        return value is not null;
    }

    private static ReadOnlySpan<char> KeyOf(string text, Token token) =>
        token.Kind == TokenKind.Possessive ? "'s" : text.AsSpan(token.Start, token.Length) is [var q] && q is '\u2019' or '\u2018' ? "'" : text.AsSpan(token.Start, token.Length);

    private sealed class Node
    {
        public Dictionary<string, Node>? Children;
        public T? Value;
        private Dictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> lookup;
        private bool sealedLookup;

        public void Seal()
        {
            if (Children is null)
            {
                return;
            }

            lookup = Children.GetAlternateLookup<ReadOnlySpan<char>>();
            sealedLookup = true;
            foreach (var child in Children.Values)
            {
                child.Seal();
            }
        }

        public bool TryGet(ReadOnlySpan<char> key, out Node? next)
        {
            if (Children is null)
            {
                next = null;
                return false;
            }

            if (sealedLookup)
            {
                return lookup.TryGetValue(key, out next);
            }

            return Children.TryGetValue(key.ToString(), out next);
        }
    }
}
