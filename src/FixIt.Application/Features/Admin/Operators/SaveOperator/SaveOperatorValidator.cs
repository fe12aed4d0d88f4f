using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Text;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.Operators.SaveOperator;

internal sealed class SaveOperatorValidator : AbstractValidator<SaveOperatorCommand>
{
    public SaveOperatorValidator(IFixItDb db)
    {
        RuleFor(c => c.Slug).NotEmpty().MaximumLength(100).Matches("^[a-z0-9][a-z0-9-]*$")
            .WithMessage(_ => AdminText.Get("The slug must be lower-case letters, digits and hyphens."));
        RuleFor(c => c.Slug).Must(slug => !ReservedSegments.IsReserved(slug))
            .WithMessage(c => AdminText.Get("The slug '{0}' is reserved (a console page has that name); choose another.", c.Slug));
        RuleFor(c => c.Name).NotEmpty().MaxCharacters(TextLimits.OperatorName).SingleLine();
        RuleFor(c => c.Kind).NotEmpty().MaximumLength(50).SingleLine();
        RuleFor(c => c.AcknowledgeTargetDays).InclusiveBetween(1, 365);
        RuleFor(c => c.FixTargetDays).InclusiveBetween(1, 3650);
        RuleFor(c => c.EscalationEmail).MaximumLength(254).ValidEmail().SingleLine();
        RuleFor(c => c.Contacts).NotEmpty().WithMessage(_ => AdminText.Get("An operator needs at least one contact."));
        RuleFor(c => c.Contacts)
            .Must(contacts => contacts is null || contacts.GroupBy(x => x.Category ?? "").All(g => g.Count() == 1))
            .WithMessage(_ => AdminText.Get("Give at most one contact per category (and one for every other category)."));
        RuleForEach(c => c.Contacts).ChildRules(contact =>
        {
            contact.RuleFor(x => x.Email).NotEmpty().MaximumLength(254).ValidEmail();
            contact.RuleFor(x => x.Email).PrintableText();
            contact.RuleFor(x => x.Cc).MaximumLength(1000).SingleLine()
                .Must(cc => cc is null || cc.Split(',', StringSplitOptions.TrimEntries).All(ValidationRules.IsValidEmail))
                .WithMessage(_ => AdminText.Get("'Cc' must be email addresses separated by commas."));
            contact.RuleFor(x => x.Category)
                .MustAsync((code, ct) => db.Categories.AnyAsync(c => c.Code == code, ct))
                .When(x => !string.IsNullOrEmpty(x.Category))
                .WithMessage((_, code) => AdminText.Get("'{0}' is not a known category.", code!));
        });
    }
}
