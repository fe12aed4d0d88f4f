namespace FixIt.Web.Features.Reports.SubmitReport;

/// <summary>Marker for the web report form's error words: <c>Resources/Features/Reports/SubmitReport/ReportFormText(.cy).resx</c>.</summary>
internal sealed class ReportFormText;
