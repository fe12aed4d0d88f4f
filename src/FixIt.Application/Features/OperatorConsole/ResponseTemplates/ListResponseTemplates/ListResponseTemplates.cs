using FixIt.Application.Abstractions;
using FixIt.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.OperatorConsole.ResponseTemplates.ListResponseTemplates;

/// <summary>
/// An operator's response templates by title; with <paramref name="CategoryCode"/>, only those offered on a report of that
/// category (its own and the ones for every category). The caller has checked the console scope.
/// </summary>
public sealed record ListResponseTemplatesQuery(int OperatorId, string? CategoryCode = null) : IQuery<IReadOnlyList<ResponseTemplateView>>;

/// <summary>One template of the operator; 404 for another operator's or none.</summary>
public sealed record GetResponseTemplateQuery(int OperatorId, int Id) : IQuery<ResponseTemplateView>;

internal sealed class ListResponseTemplatesHandler(IFixItDb db) : IQueryHandler<ListResponseTemplatesQuery, IReadOnlyList<ResponseTemplateView>>,
    IQueryHandler<GetResponseTemplateQuery, ResponseTemplateView>
{
    public async ValueTask<IReadOnlyList<ResponseTemplateView>> Handle(ListResponseTemplatesQuery query, CancellationToken cancellationToken)
    {
        var templates = db.ResponseTemplates.AsNoTracking().Where(t => t.OperatorId == query.OperatorId);
        if (query.CategoryCode is { } code)
        {
            var categoryId = await db.Categories.Where(c => c.Code == code).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
            templates = templates.Where(t => t.CategoryId == null || t.CategoryId == categoryId);
        }

        return await Views(templates.OrderBy(t => t.Title).ThenBy(t => t.Id)).ToListAsync(cancellationToken);
    }

    public async ValueTask<ResponseTemplateView> Handle(GetResponseTemplateQuery query, CancellationToken cancellationToken) =>
        await Views(db.ResponseTemplates.AsNoTracking().Where(t => t.OperatorId == query.OperatorId && t.Id == query.Id))
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Response template", query.Id);

    /// <summary>Each template with its category's code and name, in the order given (a correlated lookup keeps the templates' order).</summary>
    private IQueryable<ResponseTemplateView> Views(IQueryable<Domain.Operators.ResponseTemplate> templates) =>
        templates.Select(t => new ResponseTemplateView(t.Id, t.Title, t.Text,
            db.Categories.Where(c => c.Id == t.CategoryId).Select(c => c.Code).FirstOrDefault(),
            db.Categories.Where(c => c.Id == t.CategoryId).Select(c => c.Name).FirstOrDefault(),
            t.Status));
}
