namespace Dossier.Language;

/// <summary>
/// A user's actor dictionary (for example PETRARCH-format files loaded with <c>dossier annotate --actors</c>), consulted
/// before our own codes. The events stage owns the PETRARCH reader; its adapter over
/// <c>ActorDictionary.Lookup</c>, <c>DictionaryActorCodes</c>, implements this interface (see <c>docs/language.md</c>).
/// </summary>
public interface IActorCodeSource
{
    /// <summary>The actor code for <paramref name="name"/> in force on <paramref name="date"/>, or null when the dictionary does not know it.</summary>
    string? CodeFor(string name, DateOnly? date);
}
