namespace Dossier.Cli;

/// <summary>Expands globs the shell left alone (quoted, or on shells that do not expand them).</summary>
internal static class InputPaths
{
    public static IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (path == "-" || path.IndexOfAny(['*', '?']) < 0)
            {
                yield return path;
                continue;
            }

            var recursive = path.Contains("**", StringComparison.Ordinal);
            var pattern = Path.GetFileName(path);
            var folder = Path.GetDirectoryName(path) ?? ".";
            var star = folder.IndexOf("**", StringComparison.Ordinal);
            if (star >= 0)
            {
                folder = folder[..star].TrimEnd('/', Path.DirectorySeparatorChar);
            }

            if (folder.Length == 0)
            {
                folder = ".";
            }

            if (!Directory.Exists(folder))
            {
                // Let the reader report it, naming the path the user gave.
                yield return path;
                continue;
            }

            var matches = Directory.EnumerateFiles(folder, pattern, recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
                .Order(StringComparer.Ordinal).ToList();
            if (matches.Count == 0)
            {
                yield return path;
            }

            foreach (var match in matches)
            {
                yield return match;
            }
        }
    }
}
