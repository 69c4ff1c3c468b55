using Dossier.Cli;

return CliApp.Run(args);
