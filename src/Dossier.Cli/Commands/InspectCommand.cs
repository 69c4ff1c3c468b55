using System.CommandLine;
using Dossier.Extraction;
using Dossier.Model;
using Dossier.Reading;
using Spectre.Console;

namespace Dossier.Cli.Commands;

/// <summary><c>dossier inspect FILE</c>: shows in the terminal what extraction kept and what it removed, and why.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A page, feed, WARC archive, JSONL dump or text file (- for standard input)" };
        var record = new Option<string>("--record") { Description = "Show only this record of a feed, WARC or JSONL file" };
        var maxSize = ReadingOptions.MaxSizeOption();
        var command = new Command("inspect", "Show an input's kept article body and each removed block with its reason");
        command.Arguments.Add(file);
        command.Options.Add(record);
        command.Options.Add(maxSize);
        command.SetAction(parse =>
        {
            if (!ReadingOptions.TryCreate(parse.GetValue(maxSize), out var options))
            {
                return CliApp.UsageError;
            }

            return Run(parse.GetValue(file)!, parse.GetValue(record), options, AnsiConsole.Console, Console.Error);
        });
        return command;
    }

    internal static int Run(string path, string? record, ReaderOptions options, IAnsiConsole console, TextWriter errors)
    {
        // The extractor alone: the default pipeline would also load the event coder's dictionaries, a second of start-up.
        var extractor = new ArticleExtractor();
        var failed = false;
        var shown = 0;
        foreach (var item in new InputReader(options).Read([path]))
        {
            if (record is not null && (item.Document?.Record ?? item.Error?.Record) != record)
            {
                continue;
            }

            var outcome = ExtractCommand.Extract(extractor, item);
            if (outcome.Error is { } error)
            {
                failed = true;
                errors.WriteLine(error.ToString());
                continue;
            }

            Show(console, outcome.Article!);
            shown++;
        }

        if (record is not null && shown == 0 && !failed)
        {
            errors.WriteLine($"dossier: {path}#{record}: no such record");
            return CliApp.SomeInputsFailed;
        }

        return failed ? CliApp.SomeInputsFailed : CliApp.Ok;
    }

    private static void Show(IAnsiConsole console, Article article)
    {
        var m = article.Metadata;
        console.Write(new Rule(Markup.Escape(article.Record is null ? article.Path : $"{article.Path}#{article.Record}")).LeftJustified());
        var facts = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Fact(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                var source = m.Sources.FirstOrDefault(s => s.Field == name)?.Source;
                facts.AddRow(new Markup($"[bold]{name}[/]"), new Text(source is null ? value : $"{value}  ({source})"));
            }
        }

        Fact("title", m.Title);
        Fact("dateline", m.Dateline);
        Fact("credit", m.Credit);
        Fact("outlet", m.Outlet);
        Fact("published", m.Published?.ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture));
        Fact("authors", m.Authors.IsEmpty ? null : string.Join(", ", m.Authors));
        Fact("language", m.Language);
        Fact("url", m.Url);
        console.Write(facts);
        console.Write(new Panel(new Text(article.Text)).Header($"kept: {article.Text.Length} characters").Expand());
        if (article.Removed.IsEmpty)
        {
            console.MarkupLine("[green]nothing removed[/]");
            return;
        }

        var removed = new Table().Expand().AddColumn(new TableColumn("reason").NoWrap()).AddColumn("removed text");
        foreach (var block in article.Removed)
        {
            removed.AddRow(new Markup($"[yellow]{Markup.Escape(block.Reason)}[/]"), new Text(block.Text));
        }

        console.Write(removed);
    }
}
