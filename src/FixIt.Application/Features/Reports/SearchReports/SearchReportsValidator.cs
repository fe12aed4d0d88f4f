using FixIt.Application.Common;
using FluentValidation;

namespace FixIt.Application.Features.Reports.SearchReports;

internal sealed class SearchReportsValidator : AbstractValidator<SearchReportsQuery>
{
    public SearchReportsValidator()
    {
        When(q => q.Box is not null, () =>
        {
            // Each number is checked on its own so the message says which one is wrong; all are reported as "bbox".
            BoxNumber(b => b.MinLongitude, "BboxWest", 180);
            BoxNumber(b => b.MinLatitude, "BboxSouth", 90);
            BoxNumber(b => b.MaxLongitude, "BboxEast", 180);
            BoxNumber(b => b.MaxLatitude, "BboxNorth", 90);
            RuleFor(q => q.Box!).Must(b => b.MinLatitude <= b.MaxLatitude)
                .When(q => InRange(q.Box!.MinLatitude, 90) && InRange(q.Box!.MaxLatitude, 90))
                .OverridePropertyName("bbox").WithMessage(_ => ValidationText.Get("BboxSouthNorth"));
            // West greater than east is a box across the 180° meridian; equal (or −180 with 180 the other way round)
            // would be a box with no width.
            RuleFor(q => q.Box!).Must(b => b.ToGeoBox().Width > 0)
                .When(q => InRange(q.Box!.MinLongitude, 180) && InRange(q.Box!.MaxLongitude, 180))
                .OverridePropertyName("bbox")
                .WithMessage(_ => ValidationText.Get("BboxNoWidth"));
        });
        RuleFor(q => q.Limit).InclusiveBetween(1, SearchReportsQuery.MaxLimit).OverridePropertyName("limit");
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0).OverridePropertyName("offset");
        RuleFor(q => q.MaxAgeDays).InclusiveBetween(1, SearchReportsQuery.MaxAgeDaysLimit).When(q => q.MaxAgeDays is not null)
            .OverridePropertyName("age");
    }

    // key: the ValidationText message naming the number ("bbox's west longitude (the first number) must be…").
    private void BoxNumber(Func<BoundingBox, double> number, string key, double limit) =>
        RuleFor(q => number(q.Box!)).Must(v => InRange(v, limit)).OverridePropertyName("bbox")
            .WithMessage(_ => ValidationText.Get(key, limit));

    private static bool InRange(double value, double limit) => double.IsFinite(value) && value >= -limit && value <= limit;
}
