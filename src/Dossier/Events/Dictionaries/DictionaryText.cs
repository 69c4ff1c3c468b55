namespace Dossier.Events.Dictionaries;

/// <summary>A dictionary that grows by reading PETRARCH/TABARI texts, one after another (the first entry for a phrase wins).</summary>
public interface IDictionaryReader
{
    /// <summary>Adds the entries of a dictionary text.</summary>
    void Read(TextReader reader);
}

/// <summary>Line handling shared by the PETRARCH/TABARI dictionary readers.</summary>
internal static class DictionaryText
{
    /// <summary>A new dictionary with the entries of the given files, merged in order.</summary>
    public static T Load<T>(IEnumerable<string> paths) where T : IDictionaryReader, new()
    {
        var d = new T();
        foreach (var p in paths)
        {
            using var r = new StreamReader(p);
            d.Read(r);
        }
        return d;
    }

    /// <summary>A new dictionary with the entries of one text.</summary>
    public static T Parse<T>(TextReader reader) where T : IDictionaryReader, new()
    {
        var d = new T();
        d.Read(reader);
        return d;
    }

    /// <summary>The line without its comment (after '#') and surrounding blanks; empty for XML-style comment lines.</summary>
    public static string Clean(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        var s = hash >= 0 ? line[..hash] : line;
        var t = s.Trim();
        if (t.StartsWith('<')) return "";
        return t;
    }

    /// <summary>Reads all lines of a file or embedded text.</summary>
    public static IEnumerable<string> Lines(TextReader reader)
    {
        while (reader.ReadLine() is { } line) yield return line;
    }

    /// <summary>Parses a dictionary date: YYMMDD (years before 40 are 20xx) or YYYYMMDD; null when malformed.</summary>
    public static DateOnly? ParseDate(string s)
    {
        s = s.Trim();
        if (s.Length == 6 && int.TryParse(s, out var v6))
        {
            var yy = v6 / 10000;
            var year = yy < 40 ? 2000 + yy : 1900 + yy;
            return Make(year, v6 / 100 % 100, v6 % 100);
        }
        if (s.Length == 8 && int.TryParse(s, out var v8)) return Make(v8 / 10000, v8 / 100 % 100, v8 % 100);
        return null;
    }

    private static DateOnly? Make(int y, int m, int d) =>
        y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
}
