namespace Dossier.Web.Apis;

/// <summary>
/// Every route of the API in one table: its path, name and summary as the OpenAPI document shows them. The handlers
/// live with their models in the <c>*Api</c> classes; the routes are declared once, here.
/// </summary>
public static class ApiRoutes
{
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", HealthApi.Check).WithTags("Health").WithName("Health")
            .WithSummary("200 with the schema version when the database answers, 503 with the reason otherwise");

        var stories = app.MapGroup("/api/stories").WithTags("Stories");
        stories.MapGet("/", StoriesApi.List).WithName("ListStories")
            .WithSummary("Stories, newest first, filtered by date, actor, claim status and full-text search; one page (offset, limit)");
        stories.MapGet("/{id}", StoriesApi.Get).WithName("GetStory")
            .WithSummary("One story: who, when, where, claims with evidence, conflicts, coverage, and its series (or null)");

        var articles = app.MapGroup("/api/articles").WithTags("Articles");
        articles.MapGet("/", ArticlesApi.List).WithName("ListArticles")
            .WithSummary("Articles in arrival order, optionally of one story (metadata only)");
        articles.MapGet("/{id}", ArticlesApi.Get).WithName("GetArticle")
            .WithSummary("One article: its text and the spans to highlight (evidence, mentions, times, events)");
        articles.MapPost("/", ArticlesApi.Upload).WithName("UploadArticles")
            .WithSummary("Ingest files (multipart) or a JSONL/text/HTML body; needs the server's write token as a bearer token")
            .DisableAntiforgery();

        app.MapGroup("/api/actors").WithTags("Actors").MapGet("/", ActorsApi.List).WithName("ListActors")
            .WithSummary("Actor codes (optionally by prefix: PAK matches PAKGOV), most frequent first");

        var events = app.MapGroup("/api/events").WithTags("Events");
        events.MapGet("/", EventsApi.List).WithName("ListEvents")
            .WithSummary("Coded events between two actors (either direction; codes match by prefix)");
        events.MapGet("/timeline", EventsApi.Timeline).WithName("EventTimeline")
            .WithSummary("Events per day between two actors and their mean Goldstein weight");

        app.MapGroup("/api/search").WithTags("Search").MapGet("/", SearchApi.Search).WithName("Search")
            .WithSummary("Articles containing every word (stemmed), best first, with a snippet whose matches are in [brackets]");
        return app;
    }
}
