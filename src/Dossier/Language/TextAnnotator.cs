using System.Collections.Immutable;
using Dossier.Model;

namespace Dossier.Language;

/// <summary>First version: sentences only.</summary>
public sealed class TextAnnotator : ITextAnnotator
{
    /// <inheritdoc />
    public AnnotatedArticle Annotate(Article article) =>
        new(article) { Sentences = SentenceSplitter.Split(article.Text) };
}

/// <summary>Splits text into sentences at final punctuation followed by a capital, and at line breaks.</summary>
public static class SentenceSplitter
{
    /// <summary>The sentences of <paramref name="text"/>, as spans.</summary>
    public static ImmutableArray<Sentence> Split(string text)
    {
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        var paragraph = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var atEnd = i == text.Length;
            var lineBreak = !atEnd && text[i] == '\n';
            var boundary = !atEnd && !lineBreak && text[i] is '.' or '!' or '?'
                && i + 2 < text.Length && text[i + 1] == ' ' && char.IsUpper(text[i + 2]);
            if (atEnd || lineBreak || boundary)
            {
                var end = boundary ? i + 1 : i;
                Add(text, start, end, paragraph, sentences);
                start = end;
                if (lineBreak)
                {
                    paragraph++;
                    start = i + 1;
                }
            }
        }

        return sentences.ToImmutable();
    }

    private static void Add(string text, int start, int end, int paragraph, ImmutableArray<Sentence>.Builder sentences)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add(new Sentence(TextSpan.FromBounds(start, end), paragraph));
        }
    }
}
