using FluentValidation;

namespace FixIt.Application.Features.Admin.ApiKeys.RevokeApiKey;

internal sealed class RevokeApiKeyValidator : AbstractValidator<RevokeApiKeyCommand>
{
    public RevokeApiKeyValidator() => RuleFor(c => c.Name).NotEmpty();
}
