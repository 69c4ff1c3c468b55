using System.CommandLine;
using Dossier.Events.Dictionaries;
using Dossier.Language;

namespace Dossier.Cli;

/// <summary>
/// The <c>--actors FILE</c> option of the commands that annotate (<c>annotate</c>, <c>analyze</c>, <c>ingest</c>): a
/// user's PETRARCH actor dictionaries, whose codes come before the built-in ones in the language stage (and so in
/// the coder, which takes the language stage's coded mentions first).
/// </summary>
internal static class ActorDictionaries
{
    /// <summary>The option, repeatable.</summary>
    public static Option<string[]> Option() => new("--actors")
    {
        Description = "PETRARCH actor dictionary whose codes come before the built-in ones (repeatable); default: built-in only",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>
    /// The annotator that reads <paramref name="files"/> before the built-in codes (null when none is given), or false
    /// after one line on stderr when a file does not exist.
    /// </summary>
    public static bool TryAnnotator(string command, string[]? files, out TextAnnotator? annotator)
    {
        annotator = null;
        files ??= [];
        if (files.FirstOrDefault(f => !File.Exists(f)) is { } missing)
        {
            Console.Error.WriteLine($"dossier: {command}: {missing}: no such dictionary file");
            return false;
        }

        // The user's codes first, ours for every name their files do not know (the language stage's IActorCodeSource).
        annotator = files.Length == 0 ? null : new TextAnnotator(LanguageData.Default, new DictionaryActorCodes(ActorDictionary.Load(files)));
        return true;
    }
}
