using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Reports.SubmitReport;
using FixIt.Domain.Text;
using FluentValidation;

namespace FixIt.Application.Features.EmailLinks.AnswerQuestionnaire;

internal sealed class AnswerQuestionnaireValidator : AbstractValidator<AnswerQuestionnaireCommand>
{
    public AnswerQuestionnaireValidator(IPhotoProcessor photos)
    {
        RuleFor(c => c.Answer).IsInEnum().WithMessage("Please choose an answer.");
        RuleFor(c => c.Update).MaxCharacters(TextLimits.ResidentText).PrintableText();
        RuleFor(c => c.Photos).Must(p => p.Count <= PhotoRules.MaxCount).WithMessage($"Attach at most {PhotoRules.MaxCount} photos.");
        RuleFor(c => c.Photos).Empty().When(c => c.Answer != QuestionnaireAnswer.NotFixed)
            .WithMessage("A photo goes with a \"no\" answer only.");
        RuleForEach(c => c.Photos).ValidPhoto(photos);
    }
}
