using FixIt.Application.Common;
using FixIt.Domain.Text;
using FluentValidation;

namespace FixIt.Application.Features.Reports.DeclineReport;

internal sealed class DeclineReportValidator : AbstractValidator<DeclineReportCommand>
{
    public DeclineReportValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the report is not yours (up to 1,000 characters).");
        RuleFor(c => c.Reason).MaxCharacters(TextLimits.DeclineReason);
        RuleFor(c => c.Reason).PrintableText();
    }
}
