using FluentValidation;

namespace FixIt.Application.Features.Admin.Areas.ImportAreas;

internal sealed class ImportAreasValidator : AbstractValidator<ImportAreasCommand>
{
    public ImportAreasValidator()
    {
        RuleFor(c => c.Kind).NotEmpty().MaximumLength(50).Matches("^[a-z0-9][a-z0-9-]*$")
            .WithMessage("The kind must be lower-case letters, digits and hyphens, like 'county'.");
        RuleFor(c => c.NameProperty).NotEmpty();
        RuleFor(c => c.CodeProperty).NotEmpty();
        RuleFor(c => c.Features).NotEmpty().WithMessage("The file has no features.");
        RuleFor(c => c.Source).MaximumLength(500);
    }
}
