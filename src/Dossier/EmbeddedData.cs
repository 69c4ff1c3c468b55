using System.Collections.Frozen;

namespace Dossier;

/// <summary>
/// The one reader of the data files embedded from <c>data/</c> (word lists, dictionaries, rule files): every stage
/// names a file by its path under <c>data/</c> ("actors/countries.tsv"), and comments and blank lines are skipped
/// the same way everywhere.
/// </summary>
internal static class EmbeddedData
{
    private const string Prefix = "Dossier.data.";

    // Resource names keep the folder separator of the machine that built the library ("Dossier.data.actors/x.tsv" or
    // "Dossier.data.actors\x.tsv"); both are found by the path with dots for separators.
    private static readonly Lazy<FrozenDictionary<string, string>> Names = new(() =>
        typeof(EmbeddedData).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .ToFrozenDictionary(Normalize, n => n, StringComparer.Ordinal));

    /// <summary>A reader of <c>data/<paramref name="path"/></c>.</summary>
    /// <exception cref="InvalidOperationException">No such file is embedded (a build mistake, not an input error).</exception>
    public static TextReader Open(string path)
    {
        if (!Names.Value.TryGetValue(Normalize(Prefix + path), out var name))
        {
            throw new InvalidOperationException($"embedded data file data/{path} is missing");
        }

        return new StreamReader(typeof(EmbeddedData).Assembly.GetManifestResourceStream(name)!);
    }

    /// <summary>The whole text of <c>data/<paramref name="path"/></c>.</summary>
    public static string ReadAll(string path)
    {
        using var reader = Open(path);
        return reader.ReadToEnd();
    }

    /// <summary>The lines of <c>data/<paramref name="path"/></c> without their trailing white space, less blank lines and comments ('#' first).</summary>
    public static IReadOnlyList<string> Lines(string path)
    {
        using var reader = Open(path);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.TrimEnd();
            if (trimmed.Length > 0 && trimmed.TrimStart()[0] != '#')
            {
                lines.Add(trimmed);
            }
        }

        return lines;
    }

    /// <summary>The tab-separated rows of <c>data/<paramref name="path"/></c>, less blank lines and comments, and less the header when <paramref name="skipHeader"/>.</summary>
    public static IEnumerable<string[]> Rows(string path, bool skipHeader)
    {
        using var reader = Open(path);
        var header = skipHeader;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            yield return line.Split('\t');
        }
    }

    private static string Normalize(string name) => name.Replace('/', '.').Replace('\\', '.');
}
