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

    /// <summary>Actor names must start with a capital letter in the text ("us" is not the US). On by default.</summary>
    public bool ActorsAreCapitalized { get; init; } = true;

    /// <summary>
    /// A passive verb with no "by" agent ("X was criticized over Y") is coded with its subject as the source, as
    /// PETRARCH does. Off by default: "five soldiers were killed in X" must not make the soldiers the attackers.
    /// </summary>
    public bool PassiveWithoutAgentKeepsSubject { get; init; }

    /// <summary>
    /// Accept actors that name only a role ("officials", "the police": code "---GOV"). Off by default: such an
    /// event says nothing about who acted; PETRARCH codes them.
    /// </summary>
    public bool AllowUnknownCountry { get; init; }

    /// <summary>A name directly followed by another capitalised word ("UN Charter", "China Daily") is not an actor. On by default.</summary>
    public bool DropNameAdjuncts { get; init; } = true;

    /// <summary>
    /// An actor named as a place ("a ceasefire in Gaza", "students in Moscow") may be the target. Off by default:
    /// where something happens is rarely whom it is done to; PETRARCH codes it.
    /// </summary>
    public bool LocativeTargets { get; init; }

    /// <summary>PETRARCH-compatible reading, used with PETRARCH's own dictionaries and validation records.</summary>
    public static CoderOptions Petrarch { get; } = new() { CodeModality = false, OneSidedEvents = false, DomesticRoles = false, ResolveGroups = false, PassiveWithoutAgentKeepsSubject = true, AllowUnknownCountry = true, DropNameAdjuncts = false, LocativeTargets = true };

    /// <summary>
    /// Read the act's setting: "will send", "offered to send" are intent (03x); "Y must return", said by X, is X's
    /// demand on Y (10x); "failed to agree" is negated; a that-clause after "demanded" is asked for, not done. On by
    /// default; PETRARCH's records code the bare verb.
    /// </summary>
    public bool CodeModality { get; init; } = true;

    /// <summary>
    /// Code acts that need no addressee (protests, resignations, arrests; data/cameo/one-sided.tsv) without a
    /// target actor, against the place's country or the source's own, as PLOVER codes domestic events. On by default.
    /// </summary>
    public bool OneSidedEvents { get; init; } = true;

    /// <summary>
    /// A role named without a country ("the Umma party", "President Dos Santos") that acts on one country only is
    /// presumed that country's own, as PLOVER codes domestic events. On by default; the PETRARCH reading keeps
    /// such roles unknown.
    /// </summary>
    public bool DomesticRoles { get; init; } = true;

    /// <summary>Resolve "the two sides", "both countries" to the last two actors of earlier sentences.</summary>
    public bool ResolveGroups { get; init; } = true;
}
