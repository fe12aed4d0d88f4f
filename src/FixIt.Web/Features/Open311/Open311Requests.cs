using System.Globalization;
using FixIt.Application.Features.Open311.PostRequest;
using FixIt.Application.Features.Open311.Requests;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Primitives;
using FixIt.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Features.Open311;

/// <summary>Reads Open311 query strings and forms; a value that cannot be read is a 400 naming the parameter.</summary>
internal static class Open311Requests
{
    public static ListServiceRequestsQuery ListQuery(IQueryCollection query, IStringLocalizer t)
    {
        var failures = new List<ValidationFailure>();
        var result = new ListServiceRequestsQuery
        {
            Ids = List(query["service_request_id"]) is { } ids ? [.. ids.Select(id => Int(id, "service_request_id", failures, t, min: 1))] : null,
            ServiceCodes = List(query["service_code"]),
            Start = Time(query["start_date"], "start_date", failures, t),
            End = Time(query["end_date"], "end_date", failures, t),
            Status = Single(query["status"])?.ToLowerInvariant(),
            Page = Single(query["page"]) is { } page ? Int(page, "page", failures, t) : 1,
            PageSize = Single(query["page_size"]) is { } size ? Int(size, "page_size", failures, t) : ListServiceRequestsQuery.MaxRows,
            WithUpdates = Extensions(query),
        };
        return failures.Count > 0 ? throw new ValidationException(failures) : result;
    }

    public static bool Extensions(IQueryCollection query) =>
        Single(query["extensions"]) is { } value && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");

    public static PostServiceRequestCommand PostCommand(IFormCollection form, IStringLocalizer t)
    {
        var failures = new List<ValidationFailure>();
        var attributes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, values) in form)
        {
            // attribute[code] carries one value, attribute[code][] one or more (a multivaluelist).
            if (key.StartsWith("attribute[", StringComparison.Ordinal) && key.IndexOf(']', StringComparison.Ordinal) is var end and > 10)
            {
                var code = key[10..end];
                var rest = key[(end + 1)..];
                if (rest is not ("" or "[]"))
                {
                    failures.Add(new ValidationFailure(key, t["NotAttribute", key]));
                    continue;
                }

                if (!attributes.TryGetValue(code, out var list))
                {
                    attributes[code] = list = [];
                }

                list.AddRange(values.Where(v => v is not null).Select(v => v!));
            }
        }

        var command = new PostServiceRequestCommand
        {
            ServiceCode = Single(form["service_code"]),
            Latitude = Coordinate(form["lat"], "lat", failures, t),
            Longitude = Coordinate(form["long"], "long", failures, t),
            AddressString = Single(form["address_string"]),
            Attributes = attributes.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value, StringComparer.Ordinal),
            Email = Single(form["email"]),
            DeviceId = Single(form["device_id"]),
            AccountId = Single(form["account_id"]),
            FirstName = Single(form["first_name"]),
            LastName = Single(form["last_name"]),
            Phone = Single(form["phone"]),
            Description = Single(form["description"]),
            MediaUrl = Single(form["media_url"]),
            Language = RequestLanguage.Current,
        };
        return failures.Count > 0 ? throw new ValidationException(failures) : command;
    }

    public static string? Single(StringValues values) => values.Count == 0 || string.IsNullOrWhiteSpace(values[^1]) ? null : values[^1];

    private static List<string>? List(StringValues values)
    {
        var items = values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        return items.Count == 0 ? null : items;
    }

    private static int Int(string value, string field, List<ValidationFailure> failures, IStringLocalizer t, int min = int.MinValue)
    {
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min)
        {
            return number;
        }

        failures.Add(new ValidationFailure(field, t["NotWholeNumber", value]));
        return 0;
    }

    private static double? Coordinate(StringValues values, string field, List<ValidationFailure> failures, IStringLocalizer t)
    {
        if (Single(values) is not { } value)
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return number;
        }

        failures.Add(new ValidationFailure(field, t["NotDegrees", value]));
        return null;
    }

    private static DateTimeOffset? Time(StringValues values, string field, List<ValidationFailure> failures, IStringLocalizer t)
    {
        if (Single(values) is not { } value)
        {
            return null;
        }

        // W3C date-times; one without a zone is taken as UTC, the zone all FixIt times are in.
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        failures.Add(new ValidationFailure(field, t["NotTime", value]));
        return null;
    }
}
