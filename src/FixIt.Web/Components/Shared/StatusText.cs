using FixIt.Domain.Reports;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Components.Shared;

/// <summary>
/// Words for statuses and event sources as residents read them, in their language. The Domain's English wording
/// (<see cref="ReportStatusWording"/>) is the resource key, so the Domain stays free of localisation.
/// </summary>
internal static class StatusText
{
    /// <summary>In English, for the staff console (English only) and the feeds.</summary>
    public static string Of(ReportStatus status) => ReportStatusWording.Of(status);

    public static string Of(ReportStatus status, IStringLocalizer<SharedText> text) => text[ReportStatusWording.Of(status)];

    public static string Of(EventSource source, IStringLocalizer<SharedText> text) => source switch
    {
        EventSource.EmailLink => text["by email link"],
        EventSource.EmailReply => text["by email reply"],
        EventSource.Web => text["on the website"],
        EventSource.Api => text["through the API"],
        EventSource.Open311 => text["through Open311"],
        EventSource.Admin => text["by an administrator"],
        _ => "",
    };
}
