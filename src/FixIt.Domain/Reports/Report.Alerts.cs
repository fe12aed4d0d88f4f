namespace FixIt.Domain.Reports;

/// <summary>Alerts for a place: whether a report still has to be matched against them once it is public.</summary>
public sealed partial class Report
{
    /// <summary>
    /// True from submission until the alerts job has matched the report (claimed by turning it off), which it does once
    /// the report is public. Reports made before alerts existed are false, so nobody is alerted about old news.
    /// </summary>
    public bool AlertsDue { get; private set; } = true;

    public void RecordAlertsMatched() => AlertsDue = false;
}
