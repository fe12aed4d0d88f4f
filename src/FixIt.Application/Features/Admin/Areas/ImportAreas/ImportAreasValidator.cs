using FluentValidation;

namespace FixIt.Application.Features.Admin.Areas.ImportAreas;

internal sealed class ImportAreasValidator : AbstractValidator<ImportAreasCommand>
{
    public ImportAreasValidator()
    {
        Include(new AreaImportChoicesValidator());
        RuleFor(c => c.Features).NotEmpty().WithMessage(_ => AdminText.Get("The file has no features."));
        RuleFor(c => c.Source).MaximumLength(500);
    }
}
