using FixIt.Application.Common;
using FixIt.Domain.Text;
using FluentValidation;

namespace FixIt.Application.Features.Reports.ReopenReport;

internal sealed class ReopenReportValidator : AbstractValidator<ReopenReportCommand>
{
    public ReopenReportValidator()
    {
        RuleFor(c => c.Actor).NotEmpty();
        RuleFor(c => c.Words).MaxCharacters(TextLimits.ResidentText).PrintableText();
    }
}
