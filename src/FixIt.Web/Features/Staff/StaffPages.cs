namespace FixIt.Web.Features.Staff;

/// <summary>The resource class of the staff account pages (account, two-factor, passwords, staff list). Resources/Features/Staff/StaffPages(.cy).resx.</summary>
internal sealed class StaffPages;
