using FixIt.Domain.Reports;
using FixIt.Domain.Text;

namespace FixIt.Domain.Operators;

/// <summary>
/// A saved wording an operator's staff start from when they change a report's status or add a public note (FixMyStreet's
/// response template). It belongs to one operator, and may be kept for one category and for one status change; the text
/// is always shown for editing before anything is published.
/// </summary>
public sealed class ResponseTemplate
{
    private ResponseTemplate()
    {
    }

    public ResponseTemplate(int operatorId, string title, string text, int? categoryId, ReportStatus? status)
    {
        OperatorId = operatorId;
        Change(title, text, categoryId, status);
    }

    public int Id { get; private set; }

    public int OperatorId { get; private set; }

    /// <summary>What staff see in the chooser ("Repaired", "Passed to highways"); never published.</summary>
    public string Title { get; private set; } = "";

    /// <summary>The wording that fills the note; published only once staff send it, edited or not.</summary>
    public string Text { get; private set; } = "";

    /// <summary>Offered only on reports of this category; null: on every category.</summary>
    public int? CategoryId { get; private set; }

    /// <summary>The status change it is written for (choosing it also chooses that change); null: any change, or a note.</summary>
    public ReportStatus? Status { get; private set; }

    public void Change(string title, string text, int? categoryId, ReportStatus? status)
    {
        Title = title.Trim();
        Text = PublicTextScrubber.Scrub(text.Trim());
        CategoryId = categoryId;
        Status = status;
    }
}
