using FixIt.Application.Common;
using FixIt.Application.Features.EmailLinks.RespondToReport;
using FixIt.Domain.Text;
using FluentValidation;

namespace FixIt.Application.Features.Reports.StaffRespond;

internal sealed class StaffRespondValidator : AbstractValidator<StaffRespondCommand>
{
    /// <summary>Status changes and a public note; "not ours" (a re-route) stays with the email links and the admin API.</summary>
    public static readonly IReadOnlyList<OperatorAction> Allowed = [.. OperatorActions.All.Where(a => a != OperatorAction.NotOurs)];

    public StaffRespondValidator()
    {
        RuleFor(c => c.Action).Must(a => Allowed.Contains(a)).WithName("action")
            .WithMessage("Choose a status (acknowledged, in progress, action scheduled, fixed) or a note.");
        RuleFor(c => c.Text).NotEmpty().When(c => c.Action == OperatorAction.Note).WithName("text").WithMessage("Please write the note.");
        RuleFor(c => c.Text).MaxCharacters(TextLimits.OperatorText).PrintableText().WithName("text");
    }
}
