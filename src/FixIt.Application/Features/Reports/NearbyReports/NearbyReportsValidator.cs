using FluentValidation;

namespace FixIt.Application.Features.Reports.NearbyReports;

internal sealed class NearbyReportsValidator : AbstractValidator<NearbyReportsQuery>
{
    public NearbyReportsValidator()
    {
        RuleFor(q => q.Latitude).InclusiveBetween(-90, 90).OverridePropertyName("lat");
        RuleFor(q => q.Longitude).InclusiveBetween(-180, 180).OverridePropertyName("lon");
    }
}
