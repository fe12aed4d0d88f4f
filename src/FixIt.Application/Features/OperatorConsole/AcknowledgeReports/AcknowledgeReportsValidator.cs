using FluentValidation;

namespace FixIt.Application.Features.OperatorConsole.AcknowledgeReports;

internal sealed class AcknowledgeReportsValidator : AbstractValidator<AcknowledgeReportsCommand>
{
    /// <summary>One inbox page at most.</summary>
    public const int MaxReports = Inbox.InboxQuery.MaxPageSize;

    public AcknowledgeReportsValidator()
    {
        RuleFor(c => c.ReportIds).NotEmpty().WithName("id").WithMessage("Tick at least one report to acknowledge.");
        RuleFor(c => c.ReportIds).Must(ids => ids.Count <= MaxReports).WithName("id")
            .WithMessage($"Acknowledge at most {MaxReports} reports at a time.");
    }
}
