using FixIt.Application.Common;
using FixIt.Application.Features.Privacy.ExportPersonData;
using FixIt.Application.Features.Privacy.HideMyName;
using FluentValidation;

namespace FixIt.Application.Features.Privacy.ErasePerson;

internal sealed class ErasePersonValidator : AbstractValidator<ErasePersonCommand>
{
    public ErasePersonValidator()
    {
        RuleFor(c => c.Email).Must(EmailAddresses.IsDeliverable).OverridePropertyName("email").WithMessage(PersonRules.EmailMessage);
        RuleFor(c => c.Reason).MaximumLength(PersonRules.MaxReason).OverridePropertyName("reason");
        RuleFor(c => c.Reason).NotEmpty().When(c => c.Reason is not null).OverridePropertyName("reason").WithMessage(PersonRules.ReasonMessage);
    }
}

internal sealed class ExportPersonDataValidator : AbstractValidator<ExportPersonDataQuery>
{
    public ExportPersonDataValidator()
    {
        RuleFor(c => c.Email).Must(EmailAddresses.IsDeliverable).OverridePropertyName("email").WithMessage(PersonRules.EmailMessage);
        RuleFor(c => c.Reason).MaximumLength(PersonRules.MaxReason).OverridePropertyName("reason");
        RuleFor(c => c.Reason).NotEmpty().When(c => c.Reason is not null).OverridePropertyName("reason").WithMessage(PersonRules.ReasonMessage);
    }
}

internal sealed class HideMyNameValidator : AbstractValidator<HideMyNameCommand>
{
    public HideMyNameValidator()
    {
        RuleFor(c => c.Email).Must(EmailAddresses.IsDeliverable).OverridePropertyName("email").WithMessage(PersonRules.EmailMessage);
        RuleFor(c => c.Reason).MaximumLength(PersonRules.MaxReason).OverridePropertyName("reason");
        RuleFor(c => c.Reason).NotEmpty().When(c => c.Reason is not null).OverridePropertyName("reason").WithMessage(PersonRules.ReasonMessage);
    }
}

internal static class PersonRules
{
    public const int MaxReason = 500;
    public const string EmailMessage = "email must be an email address, like name@example.org.";
    /// <summary>An admin acting on a person's behalf says why (the admin API passes "" for a missing reason); the resident passes none.</summary>
    public const string ReasonMessage = "reason is required: say why this is done on the person's behalf (a request's reference).";
}
