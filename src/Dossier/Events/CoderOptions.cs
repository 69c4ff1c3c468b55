namespace Dossier.Events;

/// <summary>Switches of the event coder.</summary>
public sealed record CoderOptions
{
    /// <summary>Emit negated events with <c>Negated = true</c> instead of dropping them (never as the positive event).</summary>
    public bool EmitNegated { get; init; }

    /// <summary>
    /// "X and Y renewed ties" with no other actor: code the members acting on each other (X→Y, Y→X).
    /// On by default: joint actions of two named parties are the commonest such sentences.
    /// </summary>
    public bool CompoundSubjectsActOnEachOther { get; init; } = true;

    /// <summary>Resolve "the two sides", "both countries" to the last two actors of earlier sentences.</summary>
    public bool ResolveGroups { get; init; } = true;
}
