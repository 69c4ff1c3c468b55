using Dossier.Model;

namespace Dossier.Output;

/// <summary>The address of a report a story cites: the article, and the claim and sentence the link is about, when it is about one.</summary>
/// <returns>A URL the caller built from ids; it is written escaped.</returns>
public delegate string ReportHref(string articleId, string? claimId, int? sentenceIndex);

/// <summary>
/// How one page shows a story differently from another (<see cref="StoryHtml"/>). The web page links reports and
/// stories to the server's pages; the HTML brief is one self-contained file with no server behind it, so it links
/// nothing outside itself. Everything else is the same markup.
/// </summary>
public sealed record StoryHtmlOptions
{
    /// <summary>The heading level of the story's title (1 alone on its page, 2 under a brief's title); its sections are one level below.</summary>
    public int TitleLevel { get; init; } = 1;

    /// <summary>Where a cited report opens; null: reports are named, not linked.</summary>
    public ReportHref? ReportHref { get; init; }

    /// <summary>Where another story (a series neighbour) opens; null: named, not linked.</summary>
    public Func<string, string>? StoryHref { get; init; }
}

/// <summary>
/// What a story's page shows of one report it cites: the outlet a reader knows it by, its title, and, when the
/// caller holds it, the annotated article, whose text gives each evidence sentence its neighbours.
/// </summary>
/// <param name="Outlet">The outlet (<see cref="BriefLayout.OutletName"/>), never an internal id.</param>
/// <param name="Title">The report's title, else its file name.</param>
/// <param name="Article">The article with its text and sentences; null when the caller keeps only names (the brief).</param>
public sealed record StoryReport(string Outlet, string Title, AnnotatedArticle? Article = null)
{
    /// <summary>The report's names only: what a brief keeps of an article, which holds no article text.</summary>
    public static StoryReport NamesOf(AnnotatedArticle article) =>
        new(BriefLayout.OutletName(article), article.Article.Metadata.Title ?? Path.GetFileName(article.Article.Path));

    /// <summary>The report's names and its annotated text, for evidence shown inside its paragraph.</summary>
    public static StoryReport WithText(AnnotatedArticle article) => NamesOf(article) with { Article = article };
}
