using FixIt.Application.Common;
using FixIt.Domain.Text;
using FluentValidation;

namespace FixIt.Application.Features.Admin.Categories.SaveCategory;

internal sealed class SaveCategoryValidator : AbstractValidator<SaveCategoryCommand>
{
    private static readonly string[] DataTypes = ["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"];

    public SaveCategoryValidator()
    {
        RuleFor(c => c.Code).NotEmpty().MaximumLength(64).Matches("^[a-z0-9][a-z0-9-]*$")
            .WithMessage(_ => AdminText.Get("The code must be lower-case letters, digits and hyphens."));
        RuleFor(c => c.Code).Must(code => !ReservedSegments.IsReserved(code))
            .WithMessage(c => AdminText.Get("The code '{0}' is reserved (a console page has that name); choose another.", c.Code));
        RuleFor(c => c.Name).NotEmpty().MaxCharacters(TextLimits.CategoryName).SingleLine();
        RuleFor(c => c.Group).MaxCharacters(TextLimits.CategoryGroup).SingleLine();
        RuleFor(c => c.Description).MaxCharacters(TextLimits.CategoryDescription).PrintableText();
        RuleFor(c => c.ExtraQuestions)
            .Must(q => q is null || q.Select(x => x.Code).Distinct().Count() == q.Count)
            .WithMessage(_ => AdminText.Get("Extra question codes must be unique."));
        RuleForEach(c => c.ExtraQuestions).ChildRules(q =>
        {
            q.RuleFor(x => x.Code).NotEmpty().MaximumLength(64).SingleLine();
            q.RuleFor(x => x.Question).NotEmpty().MaxCharacters(TextLimits.CategoryQuestion).PrintableText();
            q.RuleFor(x => x.DataType).Must(t => DataTypes.Contains(t)).WithMessage(_ => AdminText.Get("'DataType' must be one of {0}.", string.Join(", ", DataTypes)));
            q.RuleFor(x => x.Values).NotEmpty().When(x => x.DataType.EndsWith("valuelist", StringComparison.Ordinal))
                .WithMessage(_ => AdminText.Get("A list question needs its values."));
        });
    }
}
