using Dossier.Model;

namespace Dossier.Output;

/// <summary>Writes an analysis result in one output format.</summary>
public interface IResultWriter
{
    /// <summary>The format's name on the command line (<c>json</c>, <c>md</c>, <c>html</c>).</summary>
    string Format { get; }

    /// <summary>The usual file extension, with the dot.</summary>
    string Extension { get; }

    /// <summary>Writes <paramref name="result"/> to <paramref name="output"/>. Same result, same bytes.</summary>
    void Write(AnalysisResult result, Stream output);
}

/// <summary>The built-in writers by format name.</summary>
public static class ResultWriters
{
    /// <summary>Every built-in writer.</summary>
    public static IReadOnlyList<IResultWriter> All { get; } = [new MarkdownBriefWriter(), new JsonResultWriter(), new HtmlBriefWriter()];

    /// <summary>The writer for <paramref name="format"/>, or null when there is none.</summary>
    public static IResultWriter? For(string format) =>
        All.FirstOrDefault(w => string.Equals(w.Format, format, StringComparison.OrdinalIgnoreCase));
}
