using FixIt.Domain.Reports;

namespace FixIt.Web.Components.Shared;

/// <summary>Words for statuses and event sources as residents read them.</summary>
internal static class StatusText
{
    public static string Of(ReportStatus status) => ReportStatusWording.Of(status);

    public static string Of(EventSource source) => source switch
    {
        EventSource.EmailLink => "by email link",
        EventSource.EmailReply => "by email reply",
        EventSource.Web => "on the website",
        EventSource.Api => "through the API",
        EventSource.Open311 => "through Open311",
        EventSource.Admin => "by an administrator",
        _ => "",
    };
}
