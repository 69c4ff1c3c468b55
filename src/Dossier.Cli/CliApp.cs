using System.CommandLine;
using Dossier.Cli.Commands;

namespace Dossier.Cli;

/// <summary>The <c>dossier</c> command tree. Thin: commands parse arguments and call the library.</summary>
internal static class CliApp
{
    /// <summary>Exit code when every input was processed.</summary>
    public const int Ok = 0;

    /// <summary>Exit code when some inputs failed (the others were processed and written).</summary>
    public const int SomeInputsFailed = 1;

    /// <summary>Exit code for a usage error.</summary>
    public const int UsageError = 2;

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Dossier: one verified, source-attributed record per real-world event, built from the news reports that tell it.");
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(ExtractCommand.Create());
        root.Subcommands.Add(InspectCommand.Create());
        root.Subcommands.Add(AnnotateCommand.Create());
        root.Subcommands.Add(CodeCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(StoriesCommand.Create());
        root.Subcommands.Add(ShowCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        return root;
    }

    public static int Run(string[] args)
    {
        var root = BuildRoot();
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine("dossier: " + error.Message);
            }

            Console.Error.WriteLine("dossier: see 'dossier --help'");
            return UsageError;
        }

        return parsed.Invoke();
    }

    /// <summary>
    /// Runs a command's body, turning a <see cref="UsageException"/> into its one-line message and exit
    /// code 2 (System.CommandLine's own handler would print a stack trace and exit 1).
    /// </summary>
    public static int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine("dossier: " + e.Message);
            return UsageError;
        }
    }
}

/// <summary>Thrown by a command for arguments that parse but make no sense; reported as exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
