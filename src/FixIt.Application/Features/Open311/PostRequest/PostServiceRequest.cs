using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Reports.SubmitReport;
using FixIt.Domain.Reports;
using FluentValidation;
using FluentValidation.Results;
using Mediator;

namespace FixIt.Application.Features.Open311.PostRequest;

/// <summary>An Open311 "POST requests", in Open311's own terms. It becomes a <see cref="SubmitReportCommand"/>.</summary>
public sealed record PostServiceRequestCommand : IRequest<PostedServiceRequest>
{
    public string? ServiceCode { get; init; }

    /// <summary>The language the resident asked in (the request's culture, set by the endpoint); normalised to one of <see cref="FixIt.Application.Common.SiteLanguages.All"/>.</summary>
    public string? Language { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public string? AddressString { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public string? Email { get; init; }

    public string? DeviceId { get; init; }

    public string? AccountId { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Phone { get; init; }

    public string? Description { get; init; }

    public string? MediaUrl { get; init; }
}

/// <summary>Either the request id (confirmed) or a token to look it up by later, never both.</summary>
public sealed record PostedServiceRequest(int? ServiceRequestId, string? Token, string ServiceNotice, string? AccountId);

// An IRequest, not an ICommand: the geocoder may be a slow outside call and must not hold a transaction
// open; the SubmitReportCommand it sends runs in its own.
internal sealed class PostServiceRequestHandler(IMediator mediator, IEnumerable<IGeocoder> geocoders)
    : IRequestHandler<PostServiceRequestCommand, PostedServiceRequest>
{
    public const string AwaitingConfirmation =
        "Thank you. We have emailed you a link: the report is public, and sent on, once you confirm it.";

    public const string Accepted = "Thank you. The report is public and has been passed on.";

    public async ValueTask<PostedServiceRequest> Handle(PostServiceRequestCommand request, CancellationToken cancellationToken)
    {
        var (latitude, longitude) = (request.Latitude, request.Longitude);
        string? address = string.IsNullOrWhiteSpace(request.AddressString) ? null : request.AddressString.Trim();
        if (latitude is null && longitude is null && address is not null)
        {
            (latitude, longitude) = await GeocodeAsync(address, cancellationToken);
        }

        var command = new SubmitReportCommand(
            request.ServiceCode, Open311Fields.TitleFrom(request.Description), request.Description, latitude, longitude,
            $"{request.FirstName?.Trim()} {request.LastName?.Trim()}".Trim(), request.Email, request.Phone, ShowName: false)
        {
            Source = EventSource.Open311,
            Attributes = request.Attributes,
            DeviceId = request.DeviceId,
            AccountId = request.AccountId,
            MediaUrl = request.MediaUrl,
            Address = address,
            Language = request.Language,
        };

        SubmittedReport submitted;
        try
        {
            submitted = await mediator.Send(command, cancellationToken);
        }
        catch (ValidationException e)
        {
            throw Open311Fields.Rename(e);
        }

        return ReportStatusRules.IsPublic(submitted.Status)
            ? new PostedServiceRequest(submitted.Id, null, ValidationText.Get("Open311Accepted"), request.AccountId)
            : new PostedServiceRequest(null, submitted.Open311Token, ValidationText.Get("Open311AwaitingConfirmation"), request.AccountId);
    }

    private async Task<(double?, double?)> GeocodeAsync(string address, CancellationToken cancellationToken)
    {
        var geocoder = geocoders.FirstOrDefault()
            ?? throw Invalid("address_string", ValidationText.Get("NoGeocoder"));
        var point = await geocoder.GeocodeAsync(address, cancellationToken)
            ?? throw Invalid("address_string", ValidationText.Get("AddressNotFound", address));
        return (point.Latitude, point.Longitude);
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
