using FixIt.Application.Abstractions;
using FixIt.Domain.Categories;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Categories.CategoryQuestions;

/// <summary>The extra questions of every active category that has some, for the web form to ask.</summary>
public sealed record CategoryQuestionsQuery : IQuery<IReadOnlyDictionary<string, IReadOnlyList<QuestionView>>>;

/// <summary>One extra question as the form shows it; <see cref="DataType"/> is the Open311 attribute datatype.</summary>
public sealed record QuestionView(string Code, string Question, string DataType, bool Required, string? Description,
    IReadOnlyList<QuestionChoice> Values)
{
    /// <summary>A stored (or, in the console's preview, a typed) question as the resident's form asks it.</summary>
    public static QuestionView Of(ExtraQuestion q) =>
        new(q.Code, q.Question, q.DataType, q.Required, q.Description, [.. q.Values.Select(v => new QuestionChoice(v.Key, v.Name))]);
}

public sealed record QuestionChoice(string Key, string Name);

internal sealed class CategoryQuestionsHandler(IFixItDb db)
    : IQueryHandler<CategoryQuestionsQuery, IReadOnlyDictionary<string, IReadOnlyList<QuestionView>>>
{
    public async ValueTask<IReadOnlyDictionary<string, IReadOnlyList<QuestionView>>> Handle(CategoryQuestionsQuery query,
        CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking().Where(c => c.IsActive).ToListAsync(cancellationToken);
        return categories
            .Where(c => c.ExtraQuestions.Count > 0)
            .ToDictionary(
                c => c.Code,
                c => (IReadOnlyList<QuestionView>)[.. c.ExtraQuestions.OrderBy(q => q.Order).Select(QuestionView.Of)],
                StringComparer.Ordinal);
    }
}
