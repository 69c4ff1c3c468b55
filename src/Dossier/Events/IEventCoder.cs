using Dossier.Model;

namespace Dossier.Events;

/// <summary>Codes who did what to whom in each sentence of an annotated article.</summary>
public interface IEventCoder
{
    /// <summary>Returns the article with its <see cref="AnnotatedArticle.Events"/> filled in.</summary>
    AnnotatedArticle Code(AnnotatedArticle article);
}
