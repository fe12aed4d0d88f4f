using FixIt.Domain.Reports;

namespace FixIt.Application.Features.OperatorConsole.ResponseTemplates;

/// <summary>One of an operator's response templates as the console lists and edits it.</summary>
/// <param name="CategoryCode">The category it is kept for; null: every category.</param>
/// <param name="Status">The status change it is written for; null: any change, or a note.</param>
public sealed record ResponseTemplateView(int Id, string Title, string Text, string? CategoryCode, string? CategoryName, ReportStatus? Status);
