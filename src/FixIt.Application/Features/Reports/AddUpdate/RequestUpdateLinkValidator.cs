using FixIt.Application.Common;
using FluentValidation;

namespace FixIt.Application.Features.Reports.AddUpdate;

internal sealed class RequestUpdateLinkValidator : AbstractValidator<RequestUpdateLinkCommand>
{
    public RequestUpdateLinkValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(254).ValidEmail().WithName("Email address");
        RuleFor(c => c.Email).PrintableText().WithName("Email address");
    }
}
