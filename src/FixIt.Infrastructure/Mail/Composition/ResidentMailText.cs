using System.Globalization;
using FixIt.Application.Common;
using FixIt.Domain.Reports;
using Microsoft.Extensions.Localization;

namespace FixIt.Infrastructure.Mail.Composition;

/// <summary>
/// The words of the emails to residents (reporters, followers, supporters, alert subscribers), in
/// <c>Resources/Mail/Composition/ResidentMailText(.cy).resx</c>. Emails to operators stay in English (ADR 0195).
/// </summary>
internal sealed class ResidentMailText
{
    /// <summary>
    /// Composes an email in a resident's stored language, whatever the thread's culture (a background job has none of
    /// its own; a request may be someone else's): the culture is set for the composition only and put back after. The
    /// HTML part says its language (<c>&lt;html lang="cy"&gt;</c>), which the sender also puts in <c>Content-Language</c>.
    /// </summary>
    public static MailContent In(string language, Func<MailContent> compose)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var target = CultureInfo.GetCultureInfo(SiteLanguages.Normalise(language));
        try
        {
            CultureInfo.CurrentCulture = target;
            CultureInfo.CurrentUICulture = target;
            var content = compose();
            return content with { Html = MailTemplates.InLanguage(content.Html, target.Name) };
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    /// <summary>A status as a resident reads it, in the current language; keyed by the status, so the domain's English wording stays the domain's.</summary>
    public static string Status(IStringLocalizer t, ReportStatus status) => t[$"Status.{status}"] is { ResourceNotFound: false } words
        ? words.Value
        : ReportStatusWording.Of(status);
}
