using FluentValidation;

namespace FixIt.Application.Features.Admin.Rules.CreateRule;

internal sealed class CreateRuleValidator : AbstractValidator<CreateRuleCommand>
{
    public CreateRuleValidator() => RuleFor(c => c.Operator).NotEmpty();
}
