namespace Dossier.Language;

/// <summary>
/// A case-insensitive string comparer for the dictionaries' hot lookups: ASCII letters fold with a bit
/// operation and the hash is a simple multiplicative one. It is several times faster than
/// <see cref="StringComparer.OrdinalIgnoreCase"/> on short words; the keys are our own word lists, so
/// hash flooding is not a concern. Non-ASCII characters compare with <see cref="char.ToUpperInvariant"/>.
/// </summary>
public sealed class FastComparer : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<char>, string>
{
    /// <summary>The shared instance.</summary>
    public static FastComparer IgnoreCase { get; } = new();

    /// <inheritdoc />
    public bool Equals(string? x, string? y) => x is null ? y is null : y is not null && Equals(x.AsSpan(), y);

    /// <inheritdoc />
    public int GetHashCode(string obj) => GetHashCode(obj.AsSpan());

    /// <inheritdoc />
    public bool Equals(ReadOnlySpan<char> alternate, string other)
    {
        if (alternate.Length != other.Length)
        {
            return false;
        }

        for (var i = 0; i < alternate.Length; i++)
        {
            if (Fold(alternate[i]) != Fold(other[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public int GetHashCode(ReadOnlySpan<char> alternate)
    {
        unchecked
        {
            var h = (uint)alternate.Length * 0x9E3779B1u;
            foreach (var c in alternate)
            {
                h = (h ^ Fold(c)) * 0x01000193u;
            }

            return (int)(h ^ (h >> 15));
        }
    }

    /// <inheritdoc />
    public string Create(ReadOnlySpan<char> alternate) => alternate.ToString();

    private static char Fold(char c) => c < 128 ? (char)(c is >= 'a' and <= 'z' ? c - 32 : c) : char.ToUpperInvariant(c);
}
