using System.Collections.Frozen;
using System.Reflection;

namespace Dossier.Extraction.Html;

/// <summary>Short chrome phrases (from <c>data/extraction/html-boilerplate.tsv</c>): blocks equal to, starting with or containing one are dropped.</summary>
internal sealed class BoilerplatePhrases
{
    /// <summary>Longer blocks are prose even when they start with a listed phrase.</summary>
    public const int MaxLength = 160;

    private readonly FrozenDictionary<string, string> exact;
    private readonly (string Prefix, string Reason)[] prefixes;
    private readonly (string Needle, string Reason)[] contained;

    private BoilerplatePhrases(FrozenDictionary<string, string> exact, (string, string)[] prefixes, (string, string)[] contained)
    {
        this.exact = exact;
        this.prefixes = prefixes;
        this.contained = contained;
    }

    /// <summary>The phrases shipped with the library.</summary>
    public static BoilerplatePhrases Default { get; } = Load();

    /// <summary>Parses the TSV format: <c>exact|prefix|contains TAB phrase TAB reason</c>, <c>#</c> comments.</summary>
    public static BoilerplatePhrases Parse(IEnumerable<string> lines)
    {
        var exact = new Dictionary<string, string>(StringComparer.Ordinal);
        var prefixes = new List<(string, string)>();
        var contained = new List<(string, string)>();
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length != 3)
            {
                throw new FormatException("boilerplate phrase line needs 3 tab-separated columns: " + line);
            }

            if (cols[0] == "exact")
            {
                exact[cols[1]] = cols[2];
            }
            else if (cols[0] == "prefix")
            {
                prefixes.Add((cols[1], cols[2]));
            }
            else if (cols[0] == "contains")
            {
                contained.Add((cols[1], cols[2]));
            }
            else
            {
                throw new FormatException("boilerplate phrase kind must be exact, prefix or contains: " + line);
            }
        }

        return new BoilerplatePhrases(exact.ToFrozenDictionary(StringComparer.Ordinal), [.. prefixes], [.. contained]);
    }

    /// <summary>The reason to drop <paramref name="block"/>, or null.</summary>
    public string? Match(string block)
    {
        if (block.Length > MaxLength)
        {
            return null;
        }

        var lower = block.Trim().ToLowerInvariant();
        if (exact.TryGetValue(lower, out var reason))
        {
            return reason;
        }

        foreach (var (prefix, why) in prefixes)
        {
            if (lower.StartsWith(prefix, StringComparison.Ordinal))
            {
                return why;
            }
        }

        foreach (var (needle, why) in contained)
        {
            if (lower.Contains(needle, StringComparison.Ordinal))
            {
                return why;
            }
        }

        return null;
    }

    private static BoilerplatePhrases Load()
    {
        // The resource name keeps the data sub-folder; its separator depends on how MSBuild expanded RecursiveDir.
        var assembly = Assembly.GetExecutingAssembly();
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("extraction.html-boilerplate.tsv", StringComparison.Ordinal) || n.EndsWith("extraction/html-boilerplate.tsv", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("embedded resource missing: data/extraction/html-boilerplate.tsv");
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException("embedded resource missing: " + name);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return Parse(lines);
    }
}
