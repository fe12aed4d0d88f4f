using FixIt.Application.Abstractions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Routing.ExplainRouting;

internal sealed class ExplainRoutingValidator : AbstractValidator<ExplainRoutingQuery>
{
    public ExplainRoutingValidator(IFixItDb db)
    {
        RuleFor(q => q.Latitude).NotNull().Must(v => v is null || (double.IsFinite(v.Value) && v >= -90 && v <= 90))
            .WithMessage("Latitude must be a number between -90 and 90.");
        RuleFor(q => q.Longitude).NotNull().Must(v => v is null || (double.IsFinite(v.Value) && v >= -180 && v <= 180))
            .WithMessage("Longitude must be a number between -180 and 180.");
        RuleFor(q => q.Category)
            .MustAsync((code, ct) => db.Categories.AnyAsync(c => c.Code == code, ct))
            .When(q => !string.IsNullOrEmpty(q.Category))
            .WithMessage("'{PropertyValue}' is not a known category.");
    }
}
