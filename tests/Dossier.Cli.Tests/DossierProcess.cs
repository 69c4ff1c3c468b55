using System.Diagnostics;
using System.Text;

namespace Dossier.Cli.Tests;

/// <summary>What one run of the <c>dossier</c> command gave.</summary>
internal sealed record RunResult(int ExitCode, string Stdout, string Stderr, byte[] StdoutBytes)
{
    /// <summary>Asserts the exit code, showing stderr when it differs.</summary>
    public void AssertExit(int expected)
    {
        if (ExitCode != expected)
        {
            Assert.Fail($"exit code {ExitCode}, expected {expected}; stderr:\n{Stderr}");
        }
    }

    public string[] ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// Runs the real, built <c>dossier</c> command in a child process, as a user would: exit codes, stdout
/// and stderr are the product here, so the tests do not call the command classes in-process.
/// </summary>
internal static class DossierProcess
{
    /// <summary>A fixed clock (2026-02-01T00:00:00Z) so output is byte-comparable.</summary>
    public const string FixedEpoch = "1769904000";

    private static string CliDll => Path.Combine(AppContext.BaseDirectory, "dossier.dll");

    public static RunResult Run(string workingDirectory, params string[] args) => RunAs(workingDirectory, null, args);

    public static RunResult RunAs(string workingDirectory, string? runAsUser, params string[] args) => RunWith(workingDirectory, runAsUser, null, args);

    /// <summary>Runs with extra environment variables (such as DOSSIER_DB).</summary>
    public static RunResult RunWithEnvironment(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunWith(workingDirectory, null, environment, args);

    private static RunResult RunWith(string workingDirectory, string? runAsUser, IReadOnlyDictionary<string, string>? environment, string[] args)
    {
        var start = new ProcessStartInfo
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (runAsUser is not null)
        {
            // Drop root's privileges so that file permissions apply (root reads any folder).
            start.FileName = "setpriv";
            foreach (var a in (string[])[$"--reuid={runAsUser}", "--regid=nogroup", "--clear-groups", "dotnet", CliDll])
            {
                start.ArgumentList.Add(a);
            }
        }
        else
        {
            start.FileName = "dotnet";
            start.ArgumentList.Add(CliDll);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["SOURCE_DATE_EPOCH"] = FixedEpoch;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        using var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("dossier did not finish within 3 minutes: " + string.Join(' ', args));
        }

        copy.GetAwaiter().GetResult();
        var bytes = stdout.ToArray();
        return new RunResult(process.ExitCode, Encoding.UTF8.GetString(bytes), stderr.GetAwaiter().GetResult(), bytes);
    }
}

/// <summary>A scratch folder removed after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("dossier-test-").FullName;

    public string File(string name, string content)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public string File(string name, byte[] content)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            foreach (var dir in Directory.EnumerateDirectories(Path, "*", SearchOption.AllDirectories))
            {
                System.IO.File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }
}
