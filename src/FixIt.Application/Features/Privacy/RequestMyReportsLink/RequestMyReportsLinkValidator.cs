using FixIt.Application.Common;
using FluentValidation;

namespace FixIt.Application.Features.Privacy.RequestMyReportsLink;

internal sealed class RequestMyReportsLinkValidator : AbstractValidator<RequestMyReportsLinkCommand>
{
    public RequestMyReportsLinkValidator()
    {
        RuleFor(c => c.Email).Must(EmailAddresses.IsDeliverable).OverridePropertyName("email")
            .WithMessage(_ => ValidationText.Get("MyReportsEmail"));
    }
}
