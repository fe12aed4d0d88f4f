namespace FixIt.Web.Features.Reports;

/// <summary>
/// The resource class of the report pages a resident sees: the home page and report form, the place search, the
/// thank-you, the report page, the map, and the pages behind emailed links. Resources/Features/Reports/ReportPages(.cy).resx.
/// </summary>
internal sealed class ReportPages;
