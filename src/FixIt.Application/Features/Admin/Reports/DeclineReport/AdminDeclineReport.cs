using FixIt.Application.Abstractions;
using FixIt.Application.Features.Reports.DeclineReport;
using FixIt.Domain.Reports;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Admin.Reports.DeclineReport;

/// <summary>
/// An administrator records an operator's "not ours" (POST /api/admin/reports/{id}/decline): the one decline use case
/// (<see cref="DeclineReportCommand"/>) in the name of the operator the body names by slug. The operator is required, so a
/// retried or concurrent request cannot decline the next operator too: once the report has left that operator the
/// request is refused with a 409 naming <c>operator</c> and changes nothing (ADR 0220). Errors: 400 naming
/// <c>operator</c> (missing or unknown) or <c>reason</c>; 404 unknown report; 409 not with that operator, or not open.
/// </summary>
public sealed record AdminDeclineReportCommand(int ReportId, string? Operator, string? Reason) : ICommand<DeclinedReport>;

internal sealed class AdminDeclineReportHandler(IFixItDb db, ISender sender) : ICommandHandler<AdminDeclineReportCommand, DeclinedReport>
{
    public async ValueTask<DeclinedReport> Handle(AdminDeclineReportCommand command, CancellationToken cancellationToken)
    {
        var slug = command.Operator!.Trim();
        var operatorId = await db.Operators.Where(o => o.Slug == slug).Select(o => (int?)o.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure(NotCurrentOperatorException.Field, $"There is no operator '{slug}'.")]);
        return await sender.Send(new DeclineReportCommand(command.ReportId, command.Reason, operatorId) { Source = EventSource.Api }, cancellationToken);
    }
}

internal sealed class AdminDeclineReportValidator : AbstractValidator<AdminDeclineReportCommand>
{
    public AdminDeclineReportValidator() => RuleFor(c => c.Operator).NotEmpty()
        .WithMessage("Name the operator that says \"not ours\" (its slug): only the operator the report is with can decline it.");
}
