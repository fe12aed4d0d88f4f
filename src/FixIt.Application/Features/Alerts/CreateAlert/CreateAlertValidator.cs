using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Alerts;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Alerts.CreateAlert;

internal sealed class CreateAlertValidator : AbstractValidator<CreateAlertCommand>
{
    public CreateAlertValidator(IFixItDb db)
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(254).ValidEmail().WithName("Email address");
        RuleFor(c => c.Email).PrintableText().WithName("Email address");

        When(c => c.AreaId is null, () =>
        {
            RuleFor(c => c.Latitude).NotNull().WithMessage(_ => ValidationText.Get("AlertLatitude"));
            RuleFor(c => c.Latitude).Must(v => double.IsFinite(v!.Value) && v >= -90 && v <= 90)
                .When(c => c.Latitude is not null).WithMessage(_ => ValidationText.Get("LatitudeRange"));
            RuleFor(c => c.Longitude).NotNull().WithMessage(_ => ValidationText.Get("AlertLongitude"));
            RuleFor(c => c.Longitude).Must(v => double.IsFinite(v!.Value) && v >= -180 && v <= 180)
                .When(c => c.Longitude is not null).WithMessage(_ => ValidationText.Get("LongitudeRange"));
            RuleFor(c => c.RadiusMetres).NotNull().WithMessage(_ => ValidationText.Get("RadiusRequired"));
            RuleFor(c => c.RadiusMetres).InclusiveBetween(AreaAlert.MinRadiusMetres, AreaAlert.MaxRadiusMetres)
                .When(c => c.RadiusMetres is not null)
                .WithMessage(_ => ValidationText.Get("RadiusRange", AreaAlert.MinRadiusMetres, AreaAlert.MaxRadiusMetres / 1000, AreaAlert.MaxRadiusMetres, "{PropertyValue}"));
        });

        When(c => c.AreaId is not null, () =>
        {
            RuleFor(c => c.AreaId).MustAsync((id, ct) => db.Areas.AnyAsync(a => a.Id == id, ct)).WithMessage(_ => ValidationText.Get("NoArea", "{PropertyValue}"));
            RuleFor(c => c.AreaId).Must((c, _) => c.Latitude is null && c.Longitude is null)
                .WithMessage(_ => ValidationText.Get("PointOrArea"));
        });

        RuleForEach(c => c.CategoryCodes).MustAsync((code, ct) => db.Categories.AnyAsync(c => c.Code == code && c.IsActive, ct))
            .WithMessage(_ => ValidationText.Get("UnknownCategory", "{PropertyValue}")).OverridePropertyName("Categories");
        RuleFor(c => c.CategoryCodes).Must(c => c!.Count <= 50).When(c => c.CategoryCodes is not null).WithMessage(_ => ValidationText.Get("MaxCategories", 50))
            .OverridePropertyName("Categories");
        RuleFor(c => c.Frequency).IsInEnum();
    }
}
