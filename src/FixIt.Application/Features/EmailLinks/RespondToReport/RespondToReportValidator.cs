using FixIt.Application.Common;
using FixIt.Domain.Reports;
using FluentValidation;

namespace FixIt.Application.Features.EmailLinks.RespondToReport;

internal sealed class RespondToReportValidator : AbstractValidator<RespondToReportCommand>
{
    public const int TextMaxLength = 4000;

    public RespondToReportValidator()
    {
        RuleFor(c => c.Text).NotEmpty().When(c => c.Action.NeedsText())
            .WithMessage(c => c.Action == OperatorAction.NotOurs ? "Please say why the report is not yours." : "Please write the note.");
        RuleFor(c => c.Text).MaximumLength(TextMaxLength).PrintableText();
        RuleFor(c => c.Text).MaximumLength(ReportDecline.ReasonMaxLength).When(c => c.Action == OperatorAction.NotOurs)
            .WithMessage("Say why the report is not yours in up to 1,000 characters.");
    }
}
