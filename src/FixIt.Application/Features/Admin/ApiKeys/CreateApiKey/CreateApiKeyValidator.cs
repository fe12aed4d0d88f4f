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
            .WithMessage("An API key named '{PropertyValue}' already exists.");
        RuleFor(c => c.Role).IsInEnum();
        RuleFor(c => c.OperatorSlug).NotEmpty().When(c => c.Role == ApiKeyRole.Operator)
            .WithMessage("An operator key needs its operator (--operator SLUG).");
        RuleFor(c => c.OperatorSlug)
            .MustAsync((slug, ct) => db.Operators.AnyAsync(o => o.Slug == slug, ct))
            .When(c => c.Role == ApiKeyRole.Operator && !string.IsNullOrEmpty(c.OperatorSlug))
            .WithMessage("There is no operator '{PropertyValue}'.");
        RuleFor(c => c.OperatorSlug).Empty().When(c => c.Role == ApiKeyRole.Admin)
            .WithMessage("An admin key is not scoped to an operator; leave the operator out.");
    }
}
