using FixIt.Application.Common;
using FixIt.Domain.Text;
using FluentValidation;

namespace FixIt.Application.Features.EmailLinks.AnswerQuestionnaire;

internal sealed class AnswerQuestionnaireValidator : AbstractValidator<AnswerQuestionnaireCommand>
{
    public AnswerQuestionnaireValidator()
    {
        RuleFor(c => c.Answer).IsInEnum().WithMessage("Please choose an answer.");
        RuleFor(c => c.Update).MaxCharacters(TextLimits.ResidentText).PrintableText();
    }
}
