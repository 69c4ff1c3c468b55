using Dossier.Model;

namespace Dossier.Language;

/// <summary>Finds sentences, mentions, actors, times and quotations in an article.</summary>
public interface ITextAnnotator
{
    /// <summary>Annotates one article. Pure: the same article gives the same annotations.</summary>
    AnnotatedArticle Annotate(Article article);
}
