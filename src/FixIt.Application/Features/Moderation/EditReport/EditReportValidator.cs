using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Domain.Text;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Moderation.EditReport;

internal sealed class EditReportValidator : AbstractValidator<EditReportCommand>
{
    public EditReportValidator(IFixItDb db)
    {
        RuleFor(c => c.Reason).Reason();
        RuleFor(c => c).Must(c => c.Title is not null || c.Description is not null || c.CategoryCode is not null
                || c.Latitude is not null || c.Longitude is not null || c.HideReporterName is not null)
            .WithName("body").OverridePropertyName("body")
            .WithMessage("Give at least one of title, description, categoryCode, latitude, longitude or hideReporterName.");
        RuleFor(c => c.Title).NotEmpty().MaxCharacters(TextLimits.ReportTitle).SingleLine().When(c => c.Title is not null);
        RuleFor(c => c.Description).NotEmpty().MaxCharacters(TextLimits.ReportDescription).PrintableText().When(c => c.Description is not null);
        RuleFor(c => c.CategoryCode)
            .MustAsync((code, ct) => db.Categories.AnyAsync(c => c.Code == code && c.IsActive, ct))
            .WithMessage("'{PropertyValue}' is not a known category.")
            .When(c => c.CategoryCode is not null);
        RuleFor(c => c.Latitude).Must(v => double.IsFinite(v!.Value) && v >= -90 && v <= 90)
            .WithMessage("'latitude' must be between -90 and 90.").When(c => c.Latitude is not null);
        RuleFor(c => c.Longitude).Must(v => double.IsFinite(v!.Value) && v >= -180 && v <= 180)
            .WithMessage("'longitude' must be between -180 and 180.").When(c => c.Longitude is not null);
    }
}
