using System.Globalization;
using FixIt.Application.Features.Admin.Operators;
using FixIt.Application.Features.Admin.Operators.SaveOperator;

namespace FixIt.Web.Features.Admin.Operators;

/// <summary>One contact row of the operator form, as typed.</summary>
public sealed record ContactRow(string Category, string Email, string Cc)
{
    public bool IsBlank => Email.Trim().Length == 0 && Cc.Trim().Length == 0;
}

/// <summary>
/// The operator form as typed, so a rejected form comes back as it was. Field names are the command's
/// (<see cref="SaveOperatorCommand"/>); a contact row left blank (no email, no cc) is removed.
/// </summary>
public sealed record OperatorForm(string Slug, string Name, string Kind, string AcknowledgeTargetDays, string FixTargetDays,
    string EscalationEmail, bool IsActive, IReadOnlyList<ContactRow> Contacts)
{
    public static OperatorForm Empty { get; } = new("", "", "council", "5", "28", "", true, [new("", "", "")]);

    public static OperatorForm Of(OperatorView view) =>
        new(view.Slug, view.Name, view.Kind, view.AcknowledgeTargetDays.ToString(CultureInfo.InvariantCulture),
            view.FixTargetDays.ToString(CultureInfo.InvariantCulture), view.EscalationEmail ?? "", view.IsActive,
            [.. view.Contacts.Select(c => new ContactRow(c.Category ?? "", c.Email, c.Cc ?? ""))]);

    public static OperatorForm From(IFormCollection form, string? slug)
    {
        var contacts = new List<ContactRow>();
        for (var i = 0; form.ContainsKey($"Contacts[{i}].Email") || form.ContainsKey($"Contacts[{i}].Category"); i++)
        {
            contacts.Add(new ContactRow(form[$"Contacts[{i}].Category"].ToString(), form[$"Contacts[{i}].Email"].ToString(), form[$"Contacts[{i}].Cc"].ToString()));
        }

        return new OperatorForm(slug ?? form["Slug"].ToString().Trim(), form["Name"].ToString(), form["Kind"].ToString(),
            form["AcknowledgeTargetDays"].ToString(), form["FixTargetDays"].ToString(), form["EscalationEmail"].ToString(),
            form["IsActive"].ToString() is "true" or "on", contacts);
    }

    /// <summary>The rows shown: those typed plus one blank row to add a contact.</summary>
    public IReadOnlyList<ContactRow> RowsWithBlank => Contacts.Count > 0 && Contacts[^1].IsBlank ? Contacts : [.. Contacts, new ContactRow("", "", "")];

    /// <summary>
    /// The command, the form row of each contact it carries, and the fields that are not even numbers (the command
    /// is still sent with them as 0, so every other field's problem is named as well).
    /// </summary>
    internal (SaveOperatorCommand Command, IReadOnlyList<int> Rows, Dictionary<string, string[]> Errors) ToCommand(
        Microsoft.Extensions.Localization.IStringLocalizer<ConsolePages> text)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var acknowledge = ConsoleForms.WholeNumber(AcknowledgeTargetDays, nameof(AcknowledgeTargetDays),
            text["The acknowledge target must be a whole number."], errors);
        var fix = ConsoleForms.WholeNumber(FixTargetDays, nameof(FixTargetDays), text["The fix target must be a whole number."], errors);
        var rows = Enumerable.Range(0, Contacts.Count).Where(i => !Contacts[i].IsBlank).ToList();
        var command = new SaveOperatorCommand(Slug, Name, Kind, acknowledge ?? 0, fix ?? 0,
            [.. rows.Select(i => new OperatorContactView(Contacts[i].Category.Length == 0 ? null : Contacts[i].Category, Contacts[i].Email, Contacts[i].Cc))])
        {
            EscalationEmail = EscalationEmail,
            IsActive = IsActive,
        };
        return (command, rows, errors);
    }
}
