using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Routing;
using FixIt.Domain.Categories;
using FixIt.Domain.Text;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Options;

namespace FixIt.Application.Features.Reports.SubmitReport;

internal sealed class SubmitReportValidator : AbstractValidator<SubmitReportCommand>
{
    public SubmitReportValidator(IFixItDb db, IPhotoProcessor photos, IReportRouter router, IOptions<ReportsOptions> options)
    {
        // Refused where nobody would get it, if the site says so; named as the location on every channel.
        RuleFor(c => c.Latitude).CustomAsync(async (_, context, ct) =>
        {
            var command = context.InstanceToValidate;
            if (await CategoryAsync(db, context, ct) is { IsActive: true } category
                && (await router.RouteAsync(command.Latitude!.Value, command.Longitude!.Value, category.Id, [], ct)).OperatorId is null)
            {
                context.AddFailure(new ValidationFailure(UncoveredPlace.Field, UncoveredPlace.Refused));
            }
        }).When(c => options.Value.UncoveredPlaces == UncoveredPlaces.Refuse && !string.IsNullOrWhiteSpace(c.CategoryCode)
            && c.Latitude is >= -90 and <= 90 && c.Longitude is >= -180 and <= 180);

        RuleFor(c => c.CategoryCode).NotEmpty()
            .MustAsync(async (_, _, context, ct) => await CategoryAsync(db, context, ct) is { IsActive: true })
            .WithMessage(_ => ValidationText.Get("UnknownCategory", "{PropertyValue}"))
            .When(c => !string.IsNullOrWhiteSpace(c.CategoryCode));
        RuleFor(c => c.CategoryCode).NotEmpty();

        RuleFor(c => c.Title).NotEmpty().MaxCharacters(TextLimits.ReportTitle).SingleLine();
        RuleFor(c => c.Description).NotEmpty().MaxCharacters(TextLimits.ReportDescription).PrintableText();

        RuleFor(c => c.Latitude).NotNull().Must(v => double.IsFinite(v!.Value) && v >= -90 && v <= 90)
            .When(c => c.Latitude is not null).WithMessage(_ => ValidationText.Get("LatitudeRange"));
        RuleFor(c => c.Latitude).NotNull();
        RuleFor(c => c.Longitude).Must(v => double.IsFinite(v!.Value) && v >= -180 && v <= 180)
            .When(c => c.Longitude is not null).WithMessage(_ => ValidationText.Get("LongitudeRange"));
        RuleFor(c => c.Longitude).NotNull();

        RuleFor(c => c.ReporterName).NotEmpty().MaxCharacters(TextLimits.ReporterName).SingleLine();
        RuleFor(c => c.ReporterEmail).NotEmpty().MaximumLength(254).ValidEmail();
        RuleFor(c => c.ReporterEmail).PrintableText();
        RuleFor(c => c.ReporterPhone).MaximumLength(30).SingleLine();

        RuleFor(c => c.DeviceId).MaximumLength(100).SingleLine();
        RuleFor(c => c.AccountId).MaximumLength(100).SingleLine();
        RuleFor(c => c.Address).MaxCharacters(TextLimits.Address).SingleLine();
        RuleFor(c => c.MediaUrl).MaximumLength(2000).SingleLine()
            .Must(v => v is null || AttributeRules.IsHttpUrl(v)).WithMessage(_ => ValidationText.Get("HttpUrl", "'{PropertyName}'"));
        RuleFor(c => c.Attributes).CustomAsync(async (answers, context, ct) =>
        {
            var category = await CategoryAsync(db, context, ct);
            // No answers at all is checked too: a required question is required on every channel.
            foreach (var (field, message) in AttributeRules.Check(category?.ExtraQuestions ?? [], answers ?? new Dictionary<string, IReadOnlyList<string>>()))
            {
                context.AddFailure(new ValidationFailure(field, message));
            }
        }).When(c => !string.IsNullOrWhiteSpace(c.CategoryCode));
        RuleFor(c => c.Photos).Must(p => p.Count <= PhotoRules.MaxCount)
            .WithMessage(_ => ValidationText.Get("MaxPhotos", PhotoRules.MaxCount));
        RuleForEach(c => c.Photos).ValidPhoto(photos);
    }

    // Three rules need the category (active or not): it is read once per validation, not once per rule.
    private static async Task<Category?> CategoryAsync(IFixItDb db, ValidationContext<SubmitReportCommand> context, CancellationToken cancellationToken)
    {
        if (context.RootContextData.TryGetValue(nameof(Category), out var loaded))
        {
            return (Category?)loaded;
        }

        var code = context.InstanceToValidate.CategoryCode;
        var category = code is null ? null : await SubmitQueries.CategoryByCodeAsync(db, code, cancellationToken);
        context.RootContextData[nameof(Category)] = category;
        return category;
    }
}
