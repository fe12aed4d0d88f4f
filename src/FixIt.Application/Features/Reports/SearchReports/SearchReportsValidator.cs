using FluentValidation;

namespace FixIt.Application.Features.Reports.SearchReports;

internal sealed class SearchReportsValidator : AbstractValidator<SearchReportsQuery>
{
    public SearchReportsValidator()
    {
        When(q => q.Box is not null, () =>
        {
            // Each number is checked on its own so the message says which one is wrong; all are reported as "bbox".
            BoxNumber(b => b.MinLongitude, "west longitude (the first number)", 180);
            BoxNumber(b => b.MinLatitude, "south latitude (the second number)", 90);
            BoxNumber(b => b.MaxLongitude, "east longitude (the third number)", 180);
            BoxNumber(b => b.MaxLatitude, "north latitude (the fourth number)", 90);
            RuleFor(q => q.Box!).Must(b => b.MinLatitude <= b.MaxLatitude)
                .When(q => InRange(q.Box!.MinLatitude, 90) && InRange(q.Box!.MaxLatitude, 90))
                .OverridePropertyName("bbox").WithMessage("bbox's south latitude must not be greater than its north latitude.");
            // West greater than east is a box across the 180° meridian; equal (or −180 with 180 the other way round)
            // would be a box with no width.
            RuleFor(q => q.Box!).Must(b => b.ToGeoBox().Width > 0)
                .When(q => InRange(q.Box!.MinLongitude, 180) && InRange(q.Box!.MaxLongitude, 180))
                .OverridePropertyName("bbox")
                .WithMessage("bbox's west and east longitudes are the same meridian, so the box has no width; west greater than east is a box across the 180° meridian.");
        });
        RuleFor(q => q.Limit).InclusiveBetween(1, SearchReportsQuery.MaxLimit).OverridePropertyName("limit");
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0).OverridePropertyName("offset");
        RuleFor(q => q.MaxAgeDays).InclusiveBetween(1, SearchReportsQuery.MaxAgeDaysLimit).When(q => q.MaxAgeDays is not null)
            .OverridePropertyName("age");
    }

    private void BoxNumber(Func<BoundingBox, double> number, string name, double limit) =>
        RuleFor(q => number(q.Box!)).Must(v => InRange(v, limit)).OverridePropertyName("bbox")
            .WithMessage($"bbox's {name} must be a number from -{limit} to {limit}.");

    private static bool InRange(double value, double limit) => double.IsFinite(value) && value >= -limit && value <= limit;
}
