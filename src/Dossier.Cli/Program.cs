Console.WriteLine("dossier");
