using Dossier.Web;

// `dotnet run --project src/Dossier.Web -- --Dossier:Db=dossier.db` (or DOSSIER_DB). `dossier serve` is the usual way in;
// this entry point exists so the app can also be run and tested (WebApplicationFactory) on its own.
var app = DossierWebHost.Build(args, options: null);
app.Run();
