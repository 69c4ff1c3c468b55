using Dossier.Extraction.Text;
using Dossier.Model;

namespace Dossier.Extraction.Html;

/// <summary>
/// The dateline opening a page's body and the wire or syndication credit closing it, found by the same
/// patterns as in pasted text (<see cref="BodyMetadata"/>). A credit is cut from the body, as in pasted
/// text; the dateline stays, as it is part of the first sentence's context.
/// </summary>
/// <param name="Text">The body, less a closing credit.</param>
/// <param name="Dateline">The dateline of the first paragraph; its spans are offsets into <paramref name="Text"/>.</param>
/// <param name="Credit">The credit: from a closing credit line, else the agency named in the dateline.</param>
/// <param name="CreditSource">Where the credit came from: <c>credit-line</c> or <c>dateline</c>.</param>
/// <param name="RemovedCredit">The credit marker cut from the body, recorded as removed.</param>
internal sealed record WireMarks(string Text, DatelineMatch? Dateline, string? Credit, string? CreditSource, RemovedBlock? RemovedCredit)
{
    public static WireMarks Read(string body)
    {
        var firstEnd = body.IndexOf("\n\n", StringComparison.Ordinal);
        var first = firstEnd < 0 ? body : body[..firstEnd];
        var dateline = BodyMetadata.FindDateline(first);

        var lastStart = body.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (lastStart >= 0)
        {
            var last = body[(lastStart + 2)..];
            if (BodyMetadata.FindCredit(last) is { } closing)
            {
                // A paragraph that is only the credit goes whole; otherwise its marker is cut from its end.
                var cutAt = closing.Span.Start == 0 ? lastStart : lastStart + 2 + closing.Span.Start;
                var text = body[..cutAt].TrimEnd();
                return new WireMarks(text, dateline, closing.Credit, "credit-line", new RemovedBlock(closing.Span.Of(last).Trim(), TextArticleExtractor.CreditReason));
            }
        }

        return dateline?.Agency is { } agency
            ? new WireMarks(body, dateline, agency, "dateline", null)
            : new WireMarks(body, dateline, null, null, null);
    }
}
