using FluentValidation;

namespace FixIt.Application.Features.Admin.Areas.ImportAreas;

/// <summary>The choices an area import needs: the import and its preview are checked by the same rules.</summary>
public interface IAreaImportChoices
{
    string? Kind { get; }

    string? NameProperty { get; }

    string? CodeProperty { get; }
}

internal sealed class AreaImportChoicesValidator : AbstractValidator<IAreaImportChoices>
{
    public AreaImportChoicesValidator()
    {
        static string Kind(IAreaImportChoices _) => AdminText.Get("The kind must be lower-case letters, digits and hyphens, like 'county'.");
        RuleFor(c => c.Kind).NotEmpty().WithMessage(Kind).MaximumLength(50).Matches("^[a-z0-9][a-z0-9-]*$").WithMessage(Kind);
        RuleFor(c => c.NameProperty).NotEmpty().WithMessage(_ => AdminText.Get("Choose the property that holds the name."));
        RuleFor(c => c.CodeProperty).NotEmpty().WithMessage(_ => AdminText.Get("Choose the property that holds the code."));
    }
}
