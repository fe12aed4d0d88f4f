using FluentValidation;

namespace FixIt.Application.Features.Categories.RoutedCategories;

internal sealed class RoutedCategoriesValidator : AbstractValidator<RoutedCategoriesQuery>
{
    public RoutedCategoriesValidator()
    {
        RuleFor(q => q.Latitude).InclusiveBetween(-90, 90).OverridePropertyName("lat");
        RuleFor(q => q.Longitude).InclusiveBetween(-180, 180).OverridePropertyName("lon");
    }
}
