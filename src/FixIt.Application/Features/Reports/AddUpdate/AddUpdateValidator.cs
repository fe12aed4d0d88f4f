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
            .WithMessage("Write your update, or add a photo.").WithName("Your update");
        RuleFor(c => c.Text).MaxCharacters(TextLimits.ResidentText).PrintableText().WithName("Your update");
        RuleFor(c => c.Photos).Must(p => p.Count <= PhotoRules.MaxCount).WithMessage($"Attach at most {PhotoRules.MaxCount} photos.");
        RuleForEach(c => c.Photos).ValidPhoto(photos);
    }
}
