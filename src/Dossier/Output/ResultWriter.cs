using Dossier.Model;

namespace Dossier.Output;

/// <summary>Writes an analysis in one output format.</summary>
public interface IResultWriter
{
    /// <summary>The format's name on the command line (<c>json</c>, <c>md</c>, <c>html</c>).</summary>
    string Format { get; }

    /// <summary>The usual file extension, with the dot.</summary>
    string Extension { get; }

    /// <summary>A sink that writes the results it receives to <paramref name="output"/> (finished at <see cref="IAnalysisSink.Complete"/>).</summary>
    IAnalysisSink CreateSink(Stream output);
}

/// <summary>The built-in writers by format name, and writing a finished result.</summary>
public static class ResultWriters
{
    /// <summary>Every built-in writer.</summary>
    public static IReadOnlyList<IResultWriter> All { get; } = [new MarkdownBriefWriter(), new JsonResultWriter(), new HtmlBriefWriter()];

    /// <summary>The writer for <paramref name="format"/>, or null when there is none.</summary>
    public static IResultWriter? For(string format) =>
        All.FirstOrDefault(w => string.Equals(w.Format, format, StringComparison.OrdinalIgnoreCase));

    /// <summary>Writes a finished result: the same bytes a streaming run of the same input gives.</summary>
    public static void Write(this IResultWriter writer, AnalysisResult result, Stream output)
    {
        var sink = writer.CreateSink(output);
        sink.Begin(result.GeneratedAt);
        foreach (var article in result.Articles)
        {
            sink.Article(article);
        }

        foreach (var error in result.Errors)
        {
            sink.Error(error);
        }

        foreach (var story in result.Stories)
        {
            sink.Story(story);
        }

        sink.Complete(new AnalysisSummary(result.Articles.Length, result.Stories.Length, result.Errors.Length, result.GeneratedAt) { Series = result.Series });
    }
}
