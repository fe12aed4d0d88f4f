using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Common.Tokens;
using FixIt.Application.Features.Places.NearestPlace;
using FixIt.Application.Routing;
using FixIt.Domain.Reports;
using FixIt.Domain.Text;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.Extensions.Options;

namespace FixIt.Application.Features.Reports.SubmitReport;

/// <summary>A resident reports a problem. Nullable fields so a missing one is named by validation, not by the binder.</summary>
public sealed record SubmitReportCommand(
    string? CategoryCode,
    string? Title,
    string? Description,
    double? Latitude,
    double? Longitude,
    string? ReporterName,
    string? ReporterEmail,
    string? ReporterPhone,
    bool ShowName) : ICommand<SubmittedReport>, ICommitsItself
{
    /// <summary>Set by the endpoint that received the report (the web form, the JSON API, Open311, email).</summary>
    public EventSource Source { get; init; } = EventSource.Api;

    /// <summary>
    /// Answers to the category's extra questions, by question code (Open311 attributes, the JSON API's attributes, the
    /// web form's attribute[code] fields), checked against the category's questions; null is no answers, so a required
    /// question is refused on every channel.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Attributes { get; init; }

    /// <summary>Open311 extras: the client's device and account ids, a hosted picture, the address given.</summary>
    public string? DeviceId { get; init; }

    public string? AccountId { get; init; }

    public string? MediaUrl { get; init; }

    public string? Address { get; init; }

    /// <summary>Photos from the web form.</summary>
    public IReadOnlyList<PhotoUpload> Photos { get; init; } = [];

    /// <summary>The language the resident asked in (the request's culture, set by the endpoint); normalised to one of <see cref="SiteLanguages.All"/>.</summary>
    public string? Language { get; init; }
}

public sealed record SubmittedReport(int Id, ReportStatus Status)
{
    /// <summary>Issued to Open311 clients, which look the request id up by it once the report is confirmed.</summary>
    public string? Open311Token { get; init; }

    /// <summary>The submitter's secret link token (<see cref="ReportPaths.Pending"/>): the only way to see the report until it is confirmed.</summary>
    public string PendingToken { get; init; } = "";
}

/// <summary>
/// Does everything a submission needs but the write, outside any transaction (ADR 0218): reads the category, routes,
/// finds the nearest place, stores the photos' files and draws the secret link; then hands the prepared submission to
/// the process's <see cref="ISubmissionWriter"/>, which commits it with whatever else is queued, and answers once that
/// has committed. Not a unit of work of its own (<see cref="ICommitsItself"/>): it writes nothing through this context.
/// </summary>
internal sealed class SubmitReportHandler(IFixItDb db, IReportRouter router, ISubmissionWriter writer, IPhotoProcessor photos, TimeProvider clock,
    NearestPlaceFinder places, IOptions<ReportsOptions> options)
    : ICommandHandler<SubmitReportCommand, SubmittedReport>
{
    public async ValueTask<SubmittedReport> Handle(SubmitReportCommand command, CancellationToken cancellationToken)
    {
        // The validator found it; it may have been removed since, which the write would refuse anyway.
        var category = await SubmitQueries.CategoryByCodeAsync(db, command.CategoryCode!, cancellationToken)
            ?? throw new InvalidOperationException($"No category {command.CategoryCode}.");
        var latitude = command.Latitude!.Value;
        var longitude = command.Longitude!.Value;
        var routing = await router.RouteAsync(latitude, longitude, category.Id, [], cancellationToken);
        if (routing.OperatorId is null && options.Value.UncoveredPlaces == UncoveredPlaces.Refuse)
        {
            // The validator said so already; the routing table may have changed in between.
            throw new ValidationException([new ValidationFailure(UncoveredPlace.Field, UncoveredPlace.Refused)]);
        }

        var attributes = (command.Attributes ?? new Dictionary<string, IReadOnlyList<string>>())
            .SelectMany(a => a.Value.Select(v => new ReportAttribute(a.Key, TextForm.Nfc(v.Trim()))))
            .ToList();
        var input = new NewReport(category.Id, command.Title!, command.Description!, latitude, longitude,
            command.ReporterName!, EmailAddresses.Normalize(command.ReporterEmail) ?? command.ReporterEmail!, command.ReporterPhone, command.ShowName, command.Source)
        {
            Attributes = attributes,
            DeviceId = command.DeviceId,
            AccountId = command.AccountId,
            MediaUrl = command.MediaUrl,
            Address = command.Address,
            NearPlace = await places.FindAsync(latitude, longitude, cancellationToken),
            Language = SiteLanguages.Normalise(command.Language),
        };
        var (pendingToken, pendingHash) = LinkTokens.NewToken();
        var stored = new List<StoredPhoto>();
        try
        {
            foreach (var upload in command.Photos)
            {
                stored.Add(await photos.StoreAsync(upload.Content, cancellationToken));
            }

            var submission = new PendingSubmission(input, routing, clock.GetUtcNow(),
                command.Source == EventSource.Open311 ? RandomKeys.Base32(15) : null, pendingToken, pendingHash, stored);
            // Answered only once the batch holding it has committed, or with its own failure.
            return await writer.WriteAsync(submission, cancellationToken);
        }
        catch
        {
            // Nothing of it was stored; the files are ours to remove.
            stored.ForEach(p => photos.Delete(p.StorageKey));
            throw;
        }
    }
}
