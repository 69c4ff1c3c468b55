using System.Text.Json.Serialization;

namespace Dossier.Output;

/// <summary>
/// The public records' serialisation, generated at build time: no reflection, and the field order and null handling
/// fixed by the records themselves. camelCase names, as the contract (<c>docs/dossier.schema.json</c>) has them.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StoryJson))]
[JsonSerializable(typeof(StoryWithSeriesJson))]
[JsonSerializable(typeof(IReadOnlyList<SeriesJson>))]
[JsonSerializable(typeof(AnalyzedArticleJson))]
[JsonSerializable(typeof(ExtractedArticleJson))]
[JsonSerializable(typeof(AnnotatedArticleJson))]
[JsonSerializable(typeof(IReadOnlyList<AnnotatedArticleJson>))]
[JsonSerializable(typeof(CodedLineJson))]
public sealed partial class ContractJsonContext : JsonSerializerContext;
