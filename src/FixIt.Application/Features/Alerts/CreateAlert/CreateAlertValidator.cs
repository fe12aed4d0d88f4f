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
            RuleFor(c => c.Latitude).NotNull().WithMessage("Choose a point on the map or type its latitude, or choose an area.");
            RuleFor(c => c.Latitude).Must(v => double.IsFinite(v!.Value) && v >= -90 && v <= 90)
                .When(c => c.Latitude is not null).WithMessage("Latitude must be a number between -90 and 90.");
            RuleFor(c => c.Longitude).NotNull().WithMessage("Choose a point on the map or type its longitude, or choose an area.");
            RuleFor(c => c.Longitude).Must(v => double.IsFinite(v!.Value) && v >= -180 && v <= 180)
                .When(c => c.Longitude is not null).WithMessage("Longitude must be a number between -180 and 180.");
            RuleFor(c => c.RadiusMetres).NotNull().WithMessage("Give the radius in metres.");
            RuleFor(c => c.RadiusMetres).InclusiveBetween(AreaAlert.MinRadiusMetres, AreaAlert.MaxRadiusMetres)
                .When(c => c.RadiusMetres is not null)
                .WithMessage($"The radius must be between {AreaAlert.MinRadiusMetres} m and {AreaAlert.MaxRadiusMetres / 1000} km ({AreaAlert.MaxRadiusMetres} m); it was {{PropertyValue}}.");
        });

        When(c => c.AreaId is not null, () =>
        {
            RuleFor(c => c.AreaId).MustAsync((id, ct) => db.Areas.AnyAsync(a => a.Id == id, ct)).WithMessage("There is no area {PropertyValue}.");
            RuleFor(c => c.AreaId).Must((c, _) => c.Latitude is null && c.Longitude is null)
                .WithMessage("Give a point and a radius, or an area, not both.");
        });

        RuleForEach(c => c.CategoryCodes).MustAsync((code, ct) => db.Categories.AnyAsync(c => c.Code == code && c.IsActive, ct))
            .WithMessage("'{PropertyValue}' is not a known category.").OverridePropertyName("Categories");
        RuleFor(c => c.CategoryCodes).Must(c => c!.Count <= 50).When(c => c.CategoryCodes is not null).WithMessage("Choose at most 50 categories.")
            .OverridePropertyName("Categories");
        RuleFor(c => c.Frequency).IsInEnum();
    }
}
