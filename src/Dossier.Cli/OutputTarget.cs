namespace Dossier.Cli;

/// <summary>
/// Where a command's output goes: stdout, a file, or a file inside a folder. Files are written to a
/// temporary name and moved into place, so an interrupted run never leaves a half-written output.
/// </summary>
internal static class OutputTarget
{
    public static void Write(string? target, string defaultFileName, Action<Stream> write)
    {
        if (string.IsNullOrEmpty(target) || target == "-")
        {
            using var stdout = Console.OpenStandardOutput();
            using var buffered = new BufferedStream(stdout, 1 << 16);
            write(buffered);
            return;
        }

        var file = Directory.Exists(target) || target.EndsWith('/') ? Path.Combine(target, defaultFileName) : target;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, "." + Path.GetFileName(file) + ".tmp");
        using (var stream = File.Create(temp))
        {
            write(stream);
        }

        File.Move(temp, file, overwrite: true);
    }
}
