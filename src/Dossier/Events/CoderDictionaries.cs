using Dossier.Events.Dictionaries;

namespace Dossier.Events;

/// <summary>The dictionaries one coder works with: verbs and patterns, actors, agents, discards.</summary>
/// <param name="Verbs">Verb blocks and patterns.</param>
/// <param name="Actors">Actor phrases and their dated codes.</param>
/// <param name="Agents">Agent phrases (roles).</param>
/// <param name="Discards">Phrases that stop coding.</param>
public sealed record CoderDictionaries(VerbDictionary Verbs, ActorDictionary Actors, AgentDictionary Agents, DiscardDictionary Discards)
{
    private static readonly Lazy<CoderDictionaries> s_builtIn = new(BuiltInDictionaries.Load);

    /// <summary>Dossier's own dictionaries, embedded in the library (loaded once, shared).</summary>
    public static CoderDictionaries BuiltIn => s_builtIn.Value;

    /// <summary>Reads users' PETRARCH-format dictionaries; null arguments fall back to the built-in ones.</summary>
    public static CoderDictionaries FromFiles(string? verbs, IReadOnlyList<string>? actors, string? agents, string? discards) => new(
        verbs is null ? BuiltIn.Verbs : VerbDictionary.Load(verbs),
        actors is null || actors.Count == 0 ? BuiltIn.Actors : ActorDictionary.Load(actors),
        agents is null ? BuiltIn.Agents : AgentDictionary.Load(agents),
        discards is null ? BuiltIn.Discards : DiscardDictionary.Load(discards));
}
