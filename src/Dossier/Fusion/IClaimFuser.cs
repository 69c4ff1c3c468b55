using Dossier.Model;
using Dossier.Stories;

namespace Dossier.Fusion;

/// <summary>Aligns what the reports of one story say, claim by claim, and marks each claim's status.</summary>
public interface IClaimFuser
{
    /// <summary>Builds the story record from its cluster. Pure: same cluster, same story.</summary>
    Story Fuse(StoryCluster cluster);
}
