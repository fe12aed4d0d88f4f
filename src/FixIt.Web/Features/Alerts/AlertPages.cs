namespace FixIt.Web.Features.Alerts;

/// <summary>The resource class of the alert pages (/alerts and its emailed links). Resources/Features/Alerts/AlertPages(.cy).resx.</summary>
internal sealed class AlertPages;
