using BenchmarkDotNet.Running;
using Dossier.Benchmarks;

// Modes that are plain timing loops (compared against a peer outside .NET) come first; BenchmarkDotNet otherwise.
if (args.Length > 0 && args[0] == "extraction-speed")
{
    return ExtractionSpeed.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "language-speed")
{
    return LanguageSpeed.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "fusion-speed")
{
    return FusionBenchmarks.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "web-load")
{
    return WebLoad.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "events-speed")
{
    return EventSpeed.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "real-corpus")
{
    return RealLengthCorpus.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(OutputBenchmarks).Assembly).Run(args);
return 0;
