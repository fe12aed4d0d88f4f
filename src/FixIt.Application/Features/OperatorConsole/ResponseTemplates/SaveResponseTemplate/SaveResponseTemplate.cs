using System.Globalization;
using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using FixIt.Application.Features.Reports.StaffRespond;
using FixIt.Domain.Moderation;
using FixIt.Domain.Operators;
using FixIt.Domain.Reports;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.OperatorConsole.ResponseTemplates.SaveResponseTemplate;

/// <summary>
/// Creates (<paramref name="Id"/> null) or changes one of an operator's response templates. Only the operator's own staff
/// and admins may (<see cref="StaffScope.MayUseConsoleAsync"/>); another operator's template is a 404.
/// </summary>
/// <param name="CategoryCode">Keep it for one category; null or empty: every category. Unknown: 400 naming <c>category</c>.</param>
/// <param name="Status">The status change it is for (acknowledged, in progress, action scheduled, fixed); null: any, or a note.</param>
public sealed record SaveResponseTemplateCommand(int OperatorId, int? Id, StaffCaller Caller, string? Title, string? Text, string? CategoryCode,
    ReportStatus? Status) : ICommand<int>;

internal sealed class SaveResponseTemplateHandler(IFixItDb db, ConfigurationAudit audit) : ICommandHandler<SaveResponseTemplateCommand, int>
{
    public async ValueTask<int> Handle(SaveResponseTemplateCommand command, CancellationToken cancellationToken)
    {
        if (!await StaffScope.MayUseConsoleAsync(db, command.Caller, command.OperatorId, cancellationToken))
        {
            throw new OutOfScopeException($"operator {command.OperatorId}");
        }

        int? categoryId = null;
        if (!string.IsNullOrEmpty(command.CategoryCode))
        {
            categoryId = await db.Categories.Where(c => c.Code == command.CategoryCode).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken)
                ?? throw new ValidationException([new ValidationFailure("category", $"There is no category \"{command.CategoryCode}\".")]);
        }

        ResponseTemplate template;
        if (command.Id is { } id)
        {
            template = await db.ResponseTemplates.SingleOrDefaultAsync(t => t.Id == id && t.OperatorId == command.OperatorId, cancellationToken)
                ?? throw new NotFoundException("Response template", id);
            var before = new Dictionary<string, object?> { ["title"] = template.Title, ["categoryId"] = template.CategoryId, ["status"] = template.Status?.ToString() };
            template.Change(command.Title!, command.Text!, categoryId, command.Status);
            audit.Record(AuditActions.EditTemplate, $"operator {command.OperatorId.ToString(CultureInfo.InvariantCulture)} template {id.ToString(CultureInfo.InvariantCulture)}", before,
                new Dictionary<string, object?> { ["title"] = template.Title, ["categoryId"] = template.CategoryId, ["status"] = template.Status?.ToString() });
        }
        else
        {
            template = new ResponseTemplate(command.OperatorId, command.Title!, command.Text!, categoryId, command.Status);
            db.ResponseTemplates.Add(template);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (command.Id is null)
        {
            audit.Record(AuditActions.CreateTemplate,
                $"operator {command.OperatorId.ToString(CultureInfo.InvariantCulture)} template {template.Id.ToString(CultureInfo.InvariantCulture)}",
                after: new Dictionary<string, object?> { ["title"] = template.Title, ["categoryId"] = template.CategoryId, ["status"] = template.Status?.ToString() });
            await db.SaveChangesAsync(cancellationToken);
        }

        return template.Id;
    }
}

/// <summary>Removes one of the operator's templates (what was published with it stays published).</summary>
public sealed record DeleteResponseTemplateCommand(int OperatorId, int Id, StaffCaller Caller) : ICommand<string>;

internal sealed class DeleteResponseTemplateHandler(IFixItDb db, ConfigurationAudit audit) : ICommandHandler<DeleteResponseTemplateCommand, string>
{
    public async ValueTask<string> Handle(DeleteResponseTemplateCommand command, CancellationToken cancellationToken)
    {
        if (!await StaffScope.MayUseConsoleAsync(db, command.Caller, command.OperatorId, cancellationToken))
        {
            throw new OutOfScopeException($"operator {command.OperatorId}");
        }

        var template = await db.ResponseTemplates.SingleOrDefaultAsync(t => t.Id == command.Id && t.OperatorId == command.OperatorId, cancellationToken)
            ?? throw new NotFoundException("Response template", command.Id);
        audit.Record(AuditActions.DeleteTemplate,
            $"operator {command.OperatorId.ToString(CultureInfo.InvariantCulture)} template {template.Id.ToString(CultureInfo.InvariantCulture)}",
            new Dictionary<string, object?> { ["title"] = template.Title });
        db.ResponseTemplates.Remove(template);
        await db.SaveChangesAsync(cancellationToken);
        return template.Title;
    }
}
