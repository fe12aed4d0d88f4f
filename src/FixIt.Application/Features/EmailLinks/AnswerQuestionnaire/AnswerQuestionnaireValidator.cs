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
        RuleFor(c => c.Answer).IsInEnum().WithMessage(_ => ValidationText.Get("ChooseAnswer"));
        RuleFor(c => c.Update).MaxCharacters(TextLimits.ResidentText).PrintableText();
        RuleFor(c => c.Photos).Must(p => p.Count <= PhotoRules.MaxCount).WithMessage(_ => ValidationText.Get("MaxPhotos", PhotoRules.MaxCount));
        RuleFor(c => c.Photos).Empty().When(c => c.Answer != QuestionnaireAnswer.NotFixed)
            .WithMessage(_ => ValidationText.Get("PhotoWithNo"));
        RuleForEach(c => c.Photos).ValidPhoto(photos);
    }
}
