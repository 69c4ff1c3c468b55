using System.Collections.Frozen;
using System.Reflection;

namespace Dossier;

/// <summary>
/// The one reader of embedded files. The data files of <c>data/</c> (word lists, dictionaries, rule files): every
/// stage names a file by its path under <c>data/</c> ("actors/countries.tsv"), and comments and blank lines are
/// skipped the same way everywhere. And any assembly's files under a resource prefix (the demo corpus, the store's
/// migrations, the web's static files), by <see cref="Names"/> and <see cref="Open(Assembly, string)"/>.
/// </summary>
public static class EmbeddedData
{
    private const string Prefix = "Dossier.data.";

    // Resource names keep the folder separator of the machine that built the library ("Dossier.data.actors/x.tsv" or
    // "Dossier.data.actors\x.tsv"); both are found by the path with dots for separators.
    private static readonly Lazy<FrozenDictionary<string, string>> DataNames = new(() =>
        typeof(EmbeddedData).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .ToFrozenDictionary(Normalize, n => n, StringComparer.Ordinal));

    /// <summary>The names of <paramref name="assembly"/>'s embedded files that start with <paramref name="prefix"/>, without it, in ordinal order.</summary>
    public static IReadOnlyList<string> Names(Assembly assembly, string prefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return [.. assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Select(n => n[prefix.Length..]).Order(StringComparer.Ordinal)];
    }

    /// <summary>The embedded file <paramref name="name"/> (its whole resource name) of <paramref name="assembly"/>.</summary>
    /// <exception cref="InvalidOperationException">No such file is embedded.</exception>
    public static Stream Open(Assembly assembly, string name)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"embedded file {name} is missing from {assembly.GetName().Name}");
    }

    /// <summary>A reader of <c>data/<paramref name="path"/></c>.</summary>
    /// <exception cref="InvalidOperationException">No such file is embedded (a build mistake, not an input error).</exception>
    internal static TextReader Open(string path)
    {
        if (!DataNames.Value.TryGetValue(Normalize(Prefix + path), out var name))
        {
            throw new InvalidOperationException($"embedded data file data/{path} is missing");
        }

        return new StreamReader(Open(typeof(EmbeddedData).Assembly, name));
    }

    /// <summary>The whole text of <c>data/<paramref name="path"/></c>.</summary>
    internal static string ReadAll(string path)
    {
        using var reader = Open(path);
        return reader.ReadToEnd();
    }

    /// <summary>The lines of <c>data/<paramref name="path"/></c> without their trailing white space, less blank lines and comments ('#' first).</summary>
    internal static IReadOnlyList<string> Lines(string path)
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
    internal static IEnumerable<string[]> Rows(string path, bool skipHeader)
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
