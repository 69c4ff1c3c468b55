namespace Dossier.Model;

/// <summary>
/// A run of characters in an article's text, by offset and length. Every annotation Dossier makes is a
/// span into the text it came from, so that every output field can be traced to its characters.
/// </summary>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>The offset just past the last character.</summary>
    public int End => Start + Length;

    /// <summary>True when the span covers no characters.</summary>
    public bool IsEmpty => Length == 0;

    /// <summary>Builds a span from its start and end offsets.</summary>
    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    /// <summary>True when <paramref name="other"/> lies wholly inside this span.</summary>
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    /// <summary>True when <paramref name="offset"/> lies inside this span.</summary>
    public bool Contains(int offset) => offset >= Start && offset < End;

    /// <summary>True when the two spans share at least one character.</summary>
    public bool Overlaps(TextSpan other) => other.Start < End && Start < other.End;

    /// <summary>The characters of <paramref name="text"/> this span covers.</summary>
    public string Of(string text) => text.Substring(Start, Length);

    /// <summary>The characters of <paramref name="text"/> this span covers, without copying.</summary>
    public ReadOnlySpan<char> SliceOf(string text) => text.AsSpan(Start, Length);

    /// <inheritdoc />
    public override string ToString() => $"[{Start}..{End})";
}
