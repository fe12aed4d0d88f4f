using FluentValidation;

namespace FixIt.Application.Features.Admin.Rules;

internal sealed class CreateRuleValidator : AbstractValidator<CreateRuleCommand>
{
    public CreateRuleValidator() => RuleFor(c => c.Operator).NotEmpty();
}
