using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Access;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.ApiKeys.CreateApiKey;

internal sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyValidator(IFixItDb db)
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100).SingleLine()
            .MustAsync(async (name, ct) => !await db.ApiKeys.AnyAsync(k => k.Name == name!.Trim(), ct))
            .WithMessage((_, name) => AdminText.Get("An API key named '{0}' already exists.", name!));
        RuleFor(c => c.Role).IsInEnum();
        RuleFor(c => c.OperatorSlug).NotEmpty().When(c => c.Role == ApiKeyRole.Operator)
            .WithMessage(_ => AdminText.Get("An operator key needs its operator (--operator SLUG)."));
        RuleFor(c => c.OperatorSlug)
            .MustAsync((slug, ct) => db.Operators.AnyAsync(o => o.Slug == slug, ct))
            .When(c => c.Role == ApiKeyRole.Operator && !string.IsNullOrEmpty(c.OperatorSlug))
            .WithMessage((_, slug) => AdminText.Get("There is no operator '{0}'.", slug!));
        RuleFor(c => c.OperatorSlug).Empty().When(c => c.Role == ApiKeyRole.Admin)
            .WithMessage(_ => AdminText.Get("An admin key is not scoped to an operator; leave the operator out."));
    }
}
