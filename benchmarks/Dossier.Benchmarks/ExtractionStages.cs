using System.Diagnostics;
using Dossier.Extraction;
using Dossier.Extraction.Html;
using Dossier.Extraction.Text;
using Dossier.Model;
using HtmlAgilityPack;

namespace Dossier.Benchmarks;

/// <summary>
/// <c>extraction-speed DIR --stages</c>: where one thread's time goes inside the HTML extractor (parse, tree copy,
/// metadata, main content, language, whole extraction), in milliseconds per page, to aim optimisation work.
/// </summary>
internal static class ExtractionStages
{
    public static int Run(List<SourceDocument> pages, double seconds)
    {
        var extractor = new ArticleExtractor();
        var ticks = new long[6];
        var names = new[] { "parse", "tree", "metadata", "main content", "language", "whole extract" };
        var passes = 0;
        var clock = Stopwatch.StartNew();
        do
        {
            foreach (var page in pages)
            {
                var t0 = Stopwatch.GetTimestamp();
                var doc = new HtmlDocument { OptionUseIdAttribute = false, OptionCheckSyntax = false };
                doc.LoadHtml(RawTextStripper.Strip(page.Content));
                var t1 = Stopwatch.GetTimestamp();
                var body = doc.DocumentNode.SelectSingleNode("//body");
                var head = PageHead.Read(doc, body);
                var tree = PageNode.Build(body ?? doc.DocumentNode, HtmlArticleExtractor.MaxDepth, body is null ? null : head);
                var t2 = Stopwatch.GetTimestamp();
                var meta = HtmlMetadata.Read(head, tree);
                var t3 = Stopwatch.GetTimestamp();
                var content = MainContent.Extract(tree, meta.TitleVariants, ChromePhrases.Default);
                var t4 = Stopwatch.GetTimestamp();
                if (meta.Language is null)
                {
                    LanguageIdentifier.Identify(content.Text);
                }

                var t5 = Stopwatch.GetTimestamp();
                extractor.Extract(page);
                var t6 = Stopwatch.GetTimestamp();
                ticks[0] += t1 - t0;
                ticks[1] += t2 - t1;
                ticks[2] += t3 - t2;
                ticks[3] += t4 - t3;
                ticks[4] += t5 - t4;
                ticks[5] += t6 - t5;
            }

            passes++;
        }
        while (clock.Elapsed.TotalSeconds < seconds);
        var count = (double)passes * pages.Count;
        for (var i = 0; i < names.Length; i++)
        {
            Console.WriteLine(FormattableString.Invariant($"{names[i],-14} {ticks[i] * 1000.0 / Stopwatch.Frequency / count:F3} ms/page"));
        }

        return 0;
    }
}
