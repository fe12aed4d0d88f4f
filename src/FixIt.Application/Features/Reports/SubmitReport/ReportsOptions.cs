namespace FixIt.Application.Features.Reports.SubmitReport;

/// <summary>Bound from "Reports": what happens to a report made where no routing rule covers.</summary>
public sealed class ReportsOptions
{
    public const string SectionName = "Reports";

    public UncoveredPlaces UncoveredPlaces { get; set; } = UncoveredPlaces.Keep;
}

public enum UncoveredPlaces
{
    /// <summary>The report is taken and waits for an administrator to send it on (the admin's unrouted list).</summary>
    Keep,

    /// <summary>The report is refused on every channel, naming the location.</summary>
    Refuse,
}

/// <summary>The words and field every channel uses for a place no rule covers.</summary>
public static class UncoveredPlace
{
    /// <summary>The command's property: each channel names it its own way (location, latitude, lat).</summary>
    public const string Field = "Latitude";

    public const string RefusedMessage =
        "No organisation handles problems at this location, so reports are not accepted here. Check the pin is in the right place.";

    /// <summary><see cref="RefusedMessage"/> in the current UI culture (the request's): what every channel's error says.</summary>
    public static string Refused => Common.ValidationText.Get("UncoveredRefused");

    public const string KeptMessage =
        "No organisation handles problems at this location yet. You can still report it: an administrator will see it and find who should deal with it.";
}
