using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dossier.Events;
using Dossier.Model;
using Dossier.Output;

namespace Dossier.Cli.Commands;

/// <summary>
/// <c>dossier code [INPUT] [--verbs F] [--actors F]... [--agents F] [--discards F] [--format petrarch]</c>:
/// codes sentences (JSONL <c>{id, date, text}</c> or plain text, one sentence a line) into CAMEO events, one
/// JSONL line <c>{id, events: [...]}</c> per input line.
/// </summary>
internal static class CodeCommand
{
    public static Command Create()
    {
        var input = new Argument<string?>("input") { Description = "JSONL {id, date, text} or plain text, one sentence a line (default or -: standard input)", Arity = ArgumentArity.ZeroOrOne };
        var options = new DictionaryOptions();
        var command = new Command("code", "Code sentences into CAMEO events: who did what to whom, with the words that prove it");
        command.Arguments.Add(input);
        options.AddTo(command);
        command.SetAction(parse => CliApp.Guard(() =>
        {
            var coder = options.CreateCoder(parse);
            var path = parse.GetValue(input) ?? "-";
            if (path != "-" && !File.Exists(path))
            {
                Console.Error.WriteLine($"dossier: {path}: no such file");
                return CliApp.SomeInputsFailed;
            }
            using var reader = path == "-" ? Console.In : new StreamReader(path);
            return Run(coder, path, reader, Console.Out, Console.Error);
        }));
        return command;
    }

    internal static int Run(CameoEventCoder coder, string path, TextReader input, TextWriter output, TextWriter errors)
    {
        var failed = false;
        var lineNumber = 0;
        while (input.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            string id;
            string text;
            DateOnly? date = null;
            if (line.TrimStart().StartsWith('{'))
            {
                try
                {
                    using var doc = JsonDocument.Parse(line);
                    var root = doc.RootElement;
                    id = root.TryGetProperty("id", out var idValue) ? idValue.ToString() : lineNumber.ToString(CultureInfo.InvariantCulture);
                    if (!root.TryGetProperty("text", out var textValue) || textValue.ValueKind != JsonValueKind.String)
                    {
                        errors.WriteLine($"dossier: {path}#{lineNumber}: no \"text\" string");
                        failed = true;
                        continue;
                    }
                    text = textValue.GetString()!;
                    if (root.TryGetProperty("date", out var dateValue) && dateValue.ValueKind == JsonValueKind.String)
                    {
                        date = ParseDate(dateValue.GetString()!);
                        if (date is null)
                        {
                            errors.WriteLine($"dossier: {path}#{lineNumber}: bad date '{dateValue.GetString()}' (use yyyy-MM-dd or yyyyMMdd)");
                            failed = true;
                            continue;
                        }
                    }
                }
                catch (JsonException e)
                {
                    errors.WriteLine($"dossier: {path}#{lineNumber}: not JSON: {e.Message.Split('\n')[0]}");
                    failed = true;
                    continue;
                }
            }
            else
            {
                id = lineNumber.ToString(CultureInfo.InvariantCulture);
                text = line;
            }
            var events = coder.CodeSentence(text, date);
            output.WriteLine(JsonSerializer.Serialize(new CodedLineJson(id, [.. events.Select(e => EventJson.From(e, text))]), s_json.CodedLineJson));
        }
        return failed ? CliApp.SomeInputsFailed : CliApp.Ok;
    }

    // The generated metadata with non-ASCII names kept readable, as code wrote them before.
    private static readonly ContractJsonContext s_json = new(new JsonSerializerOptions(ContractJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static DateOnly? ParseDate(string s) =>
        DateOnly.TryParseExact(s, ["yyyy-MM-dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

/// <summary>The dictionary options shared by <c>code</c> and <c>explain</c>.</summary>
internal sealed class DictionaryOptions
{
    private readonly Option<string?> _verbs = new("--verbs") { Description = "PETRARCH verb dictionary (CAMEO.2.0.txt format); default: built-in" };
    private readonly Option<string[]> _actors = new("--actors") { Description = "PETRARCH actor dictionary (repeatable); default: built-in", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string?> _agents = new("--agents") { Description = "PETRARCH agent dictionary; default: built-in" };
    private readonly Option<string?> _discards = new("--discards") { Description = "PETRARCH discard list; default: built-in" };
    private readonly Option<string> _format = new("--format") { Description = "Dictionary format: petrarch", DefaultValueFactory = _ => "petrarch" };

    public void AddTo(Command command)
    {
        command.Options.Add(_verbs);
        command.Options.Add(_actors);
        command.Options.Add(_agents);
        command.Options.Add(_discards);
        command.Options.Add(_format);
    }

    public CameoEventCoder CreateCoder(ParseResult parse)
    {
        var format = parse.GetValue(_format);
        if (format is "tabari") throw new UsageException("--format tabari: TABARI dictionaries are not supported yet (use petrarch)");
        if (format is not "petrarch") throw new UsageException($"--format {format}: unknown dictionary format (use petrarch)");
        var verbs = parse.GetValue(_verbs);
        var actors = parse.GetValue(_actors) ?? [];
        var agents = parse.GetValue(_agents);
        var discards = parse.GetValue(_discards);
        foreach (var f in new[] { verbs, agents, discards }.Concat(actors))
        {
            if (f is not null && !File.Exists(f)) throw new UsageException($"{f}: no such dictionary file");
        }
        if (verbs is null && actors.Length == 0 && agents is null && discards is null) return new CameoEventCoder();
        // With users' dictionaries, read as PETRARCH does (role-only actors, places as targets).
        return new CameoEventCoder(CoderDictionaries.FromFiles(verbs, actors, agents, discards), verbs is null ? null : CoderOptions.Petrarch);
    }
}
