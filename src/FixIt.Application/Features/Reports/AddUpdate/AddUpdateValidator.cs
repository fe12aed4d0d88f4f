using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Reports.SubmitReport;
using FixIt.Domain.Text;
using FluentValidation;

namespace FixIt.Application.Features.Reports.AddUpdate;

internal sealed class AddUpdateValidator : AbstractValidator<AddUpdateCommand>
{
    public AddUpdateValidator(IPhotoProcessor photos)
    {
        RuleFor(c => c.Text).Must((c, text) => !string.IsNullOrWhiteSpace(text) || c.Photos.Count > 0)
            .WithMessage(_ => ValidationText.Get("UpdateEmpty")).WithName("Your update");
        RuleFor(c => c.Text).MaxCharacters(TextLimits.ResidentText).PrintableText().WithName("Your update");
        RuleFor(c => c.Photos).Must(p => p.Count <= PhotoRules.MaxCount).WithMessage(_ => ValidationText.Get("MaxPhotos", PhotoRules.MaxCount));
        RuleForEach(c => c.Photos).ValidPhoto(photos);
    }
}
