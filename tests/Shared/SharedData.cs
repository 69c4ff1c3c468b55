namespace Dossier.Testing;

/// <summary>
/// Finds the evaluation data and seeds in <c>../shared</c> beside the repository. Tests that need it
/// carry <c>[Trait("Category", "SharedData")]</c>; they skip on a developer's clone without the folder
/// and fail in CI (<c>CI=true</c>), where a missing folder is a broken set-up, not a reason to pass.
/// </summary>
public static class SharedData
{
    /// <summary>The trait value that marks tests reading <c>../shared</c>.</summary>
    public const string Category = "SharedData";

    /// <summary>True when running under CI, where missing prerequisites fail instead of skipping.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The repository root (the folder holding Dossier.slnx).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The full path of <paramref name="relative"/> under <c>../shared</c>; skips (or fails in CI) when missing.</summary>
    public static string Require(string relative)
    {
        var root = Environment.GetEnvironmentVariable("DOSSIER_SHARED") ?? Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
        var path = Path.Combine(root, relative);
        if (File.Exists(path) || Directory.Exists(path))
        {
            return path;
        }

        Unavailable($"shared data not found: {path}");
        return path;
    }

    /// <summary>Skips the test, or fails it under CI, naming what is missing.</summary>
    public static void Unavailable(string what)
    {
        if (InCi)
        {
            Assert.Fail(what + " (required in CI)");
        }

        Assert.Skip(what);
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dossier.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Dossier.slnx not found above " + AppContext.BaseDirectory);
    }
}
