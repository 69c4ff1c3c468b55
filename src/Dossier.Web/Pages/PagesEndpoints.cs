using Dossier.Web.Apis;

namespace Dossier.Web.Pages;

/// <summary>The HTML pages: <c>/</c> (stories), <c>/stories/{id}</c>, <c>/articles/{id}</c>, <c>/timeline</c>.</summary>
public static class PagesEndpoints
{
    private const string HtmlType = "text/html; charset=utf-8";

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/", (StoreAccess store, string? since, string? until, string? actor, string? status, string? q) =>
        {
            var filters = new StoriesApi.Filters(since, until, actor, status, q, 200);
            var (stories, errors, _) = StoriesApi.Query(store, filters);
            return Results.Content(PageRenderer.StoryList(filters, stories, errors), HtmlType);
        });
        pages.MapGet("/stories/{id}", (StoreAccess store, string id) =>
        {
            var page = store.Use(s => s.GetStory(id) is { } story ? PageRenderer.StoryPage(story, [.. s.ArticlesOf(id).Select(a => a.Article)], s.SeriesOf(id)) : null);
            return page is null ? Results.Content(PageRenderer.NotFound("No story with this id."), HtmlType, statusCode: 404) : Results.Content(page, HtmlType);
        });
        pages.MapGet("/articles/{id}", (StoreAccess store, string id, string? claim) =>
        {
            var page = store.Use(s => s.GetArticle(id) is { } stored
                ? PageRenderer.ArticlePage(ArticlesApi.View(stored, s.GetStory(stored.StoryId)), stored.Article, string.IsNullOrWhiteSpace(claim) ? null : claim)
                : null);
            return page is null ? Results.Content(PageRenderer.NotFound("No article with this id."), HtmlType, statusCode: 404) : Results.Content(page, HtmlType);
        });
        pages.MapGet("/timeline", (StoreAccess store, string? a, string? b) =>
        {
            var timeline = string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b) ? null : EventsApi.TimelineOf(store, a, b);
            return Results.Content(PageRenderer.TimelinePage(a, b, timeline), HtmlType);
        });
        return app;
    }
}
