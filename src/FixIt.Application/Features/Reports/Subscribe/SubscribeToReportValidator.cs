using FixIt.Application.Common;
using FluentValidation;

namespace FixIt.Application.Features.Reports.Subscribe;

internal sealed class SubscribeToReportValidator : AbstractValidator<SubscribeToReportCommand>
{
    public SubscribeToReportValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(254).ValidEmail().WithName("Email address");
        RuleFor(c => c.Email).PrintableText().WithName("Email address");
    }
}
