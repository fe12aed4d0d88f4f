using FluentValidation;

namespace FixIt.Application.Features.Reports.SearchReports;

internal sealed class SearchReportsValidator : AbstractValidator<SearchReportsQuery>
{
    public SearchReportsValidator()
    {
        RuleFor(q => q.Box).Must(b => b is null || IsValid(b))
            .OverridePropertyName("bbox")
            .WithMessage("bbox must be minLon,minLat,maxLon,maxLat in degrees, with min ≤ max.");
        RuleFor(q => q.Limit).InclusiveBetween(1, SearchReportsQuery.MaxLimit).OverridePropertyName("limit");
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0).OverridePropertyName("offset");
        RuleFor(q => q.MaxAgeDays).GreaterThan(0).When(q => q.MaxAgeDays is not null).OverridePropertyName("age");
    }

    private static bool IsValid(BoundingBox b) =>
        double.IsFinite(b.MinLongitude) && double.IsFinite(b.MaxLongitude) && double.IsFinite(b.MinLatitude) && double.IsFinite(b.MaxLatitude)
        && b.MinLongitude >= -180 && b.MaxLongitude <= 180 && b.MinLatitude >= -90 && b.MaxLatitude <= 90
        && b.MinLongitude <= b.MaxLongitude && b.MinLatitude <= b.MaxLatitude;
}
