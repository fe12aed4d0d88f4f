using FixIt.Application.Common;
using FixIt.Domain.Text;
using FluentValidation;

namespace FixIt.Application.Features.EmailLinks.RespondToReport;

internal sealed class RespondToReportValidator : AbstractValidator<RespondToReportCommand>
{
    public RespondToReportValidator()
    {
        RuleFor(c => c.Text).NotEmpty().When(c => c.Action.NeedsText())
            .WithMessage(c => c.Action == OperatorAction.NotOurs ? "Please say why the report is not yours." : "Please write the note.");
        RuleFor(c => c.Text).MaxCharacters(TextLimits.OperatorText).PrintableText();
        RuleFor(c => c.Text).MaxCharacters(TextLimits.DeclineReason).When(c => c.Action == OperatorAction.NotOurs)
            .WithMessage("Say why the report is not yours in up to 1,000 characters.");
    }
}
