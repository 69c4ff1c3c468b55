using Microsoft.Extensions.FileSystemGlobbing;

namespace Dossier.Cli;

/// <summary>
/// Expands globs the shell left alone (quoted, or on shells that do not expand them) with
/// Microsoft.Extensions.FileSystemGlobbing: <c>*</c> within a name or folder, <c>**</c> across folders
/// (<c>'samples/*/01-*.txt'</c>, <c>'news/**/*.html'</c>). Matches come in ordinal order so runs repeat.
/// </summary>
internal static class InputPaths
{
    public static IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (path == "-" || !path.Contains('*', StringComparison.Ordinal) || File.Exists(path) || Directory.Exists(path))
            {
                yield return path;
                continue;
            }

            var matches = Glob(path);
            if (matches.Count == 0)
            {
                // Let the reader report it, naming the pattern the user gave.
                yield return path;
            }

            foreach (var match in matches)
            {
                yield return match;
            }
        }
    }

    /// <summary>The files matching <paramref name="pattern"/>, written as the pattern was (relative stays relative).</summary>
    internal static IReadOnlyList<string> Glob(string pattern)
    {
        // The root is the part before the first segment with a wildcard; the rest is the matcher's pattern.
        var segments = pattern.Replace('\\', '/').Split('/');
        var first = Array.FindIndex(segments, s => s.Contains('*', StringComparison.Ordinal));
        var root = string.Join('/', segments[..first]);
        var relative = string.Join('/', segments[first..]);
        var start = root.Length == 0 ? (pattern.StartsWith('/') ? "/" : ".") : root;
        if (!Directory.Exists(start))
        {
            return [];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(relative);
        var prefix = root.Length == 0 ? (pattern.StartsWith('/') ? "/" : "") : root + "/";
        return [.. matcher.GetResultsInFullPath(start)
            .Select(full => prefix + Path.GetRelativePath(Path.GetFullPath(start), full).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
    }
}
