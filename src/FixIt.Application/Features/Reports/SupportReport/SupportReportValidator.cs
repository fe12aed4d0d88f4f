using FixIt.Application.Common;
using FluentValidation;

namespace FixIt.Application.Features.Reports.SupportReport;

internal sealed class SupportReportValidator : AbstractValidator<SupportReportCommand>
{
    public SupportReportValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(254).ValidEmail().WithName("Your email");
        RuleFor(c => c.Email).PrintableText().WithName("Your email");
    }
}
