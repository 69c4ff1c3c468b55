namespace Dossier.Web;

/// <summary>
/// Runs the web app on its own: <c>dotnet run --project src/Dossier.Web -- --Dossier:Db=dossier.db</c> (or
/// <c>DOSSIER_DB</c>). <c>dossier serve</c> is the usual way in; this entry point also lets WebApplicationFactory
/// host the app in tests. An explicit class rather than top-level statements: those would make a public global
/// <c>Program</c> that clashes with the CLI's and the benchmarks' own.
/// </summary>
internal static class WebProgram
{
    public static void Main(string[] args)
    {
        using var app = DossierWebHost.Build(args, options: null);
        app.Run();
    }
}
