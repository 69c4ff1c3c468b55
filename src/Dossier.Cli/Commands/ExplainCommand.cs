using System.CommandLine;
using System.Globalization;
using Dossier.Events;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier explain "sentence"</c>: how the coder read a sentence: chunks, verbs, patterns, actors and events.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var sentence = new Argument<string>("sentence") { Description = "The sentence to code and explain" };
        var date = new Option<string?>("--date") { Description = "Date of the sentence (yyyy-MM-dd), for date-bounded actor codes" };
        var options = new DictionaryOptions();
        var command = new Command("explain", "Show how a sentence is chunked, which verb pattern matched and why each actor was chosen");
        command.Arguments.Add(sentence);
        command.Options.Add(date);
        options.AddTo(command);
        command.SetAction(parse => CliApp.Guard(() =>
        {
            DateOnly? day = null;
            if (parse.GetValue(date) is { } d)
            {
                if (!DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) throw new UsageException($"bad --date '{d}' (use yyyy-MM-dd)");
                day = parsed;
            }
            var coder = options.CreateCoder(parse);
            Write(coder.Explain(parse.GetValue(sentence)!, day), parse.GetValue(sentence)!, Console.Out);
            return CliApp.Ok;
        }));
        return command;
    }

    internal static void Write(SentenceTrace trace, string text, TextWriter output)
    {
        output.WriteLine("words:   " + string.Join(' ', trace.Tokens.Select(t => t.Key)));
        output.WriteLine("actor phrases:");
        if (trace.ActorGroups.Count == 0) output.WriteLine("  (none)");
        foreach (var group in trace.ActorGroups)
        {
            var label = group.Count > 1 ? "  list: " : "  ";
            output.WriteLine(label + string.Join(" + ", group.Select(a => $"[{a.Name}] {a.Code}")));
            foreach (var a in group) output.WriteLine($"      {a.Code}: {a.Why}");
        }
        output.WriteLine("verbs:");
        if (trace.Verbs.Count == 0) output.WriteLine("  (none in the dictionary)");
        foreach (var v in trace.Verbs)
        {
            var words = string.Join(' ', trace.Tokens.Skip(v.Token).Take(v.Length).Select(t => t.Key));
            output.WriteLine($"  [{words}] block {v.Form.Family.Name}: {v.Why}");
        }
        output.WriteLine("reasoning:");
        foreach (var n in trace.Notes) output.WriteLine("  " + n);
        output.WriteLine("events:");
        if (trace.Events.Count == 0) output.WriteLine("  (none)");
        foreach (var e in trace.Events)
        {
            output.WriteLine($"  {e.Source.Code} -> {e.Target.Code}  {e.Code}  goldstein {e.Goldstein.ToString(CultureInfo.InvariantCulture)}  {e.Modality.ToString().ToLowerInvariant()}{(e.Negated ? "  NEGATED" : "")}  confidence {e.Confidence.ToString(CultureInfo.InvariantCulture)}");
            output.WriteLine($"      source \"{e.Source.Name}\", verb \"{e.VerbSpan.Of(text)}\", target \"{e.Target.Name}\"; pattern {e.Pattern}");
        }
    }
}
