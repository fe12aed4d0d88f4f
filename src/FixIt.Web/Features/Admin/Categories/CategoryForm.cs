using System.Globalization;
using System.Text;
using FixIt.Application.Features.Admin.Categories;
using FixIt.Application.Features.Admin.Categories.SaveCategory;
using FixIt.Application.Features.Categories.CategoryQuestions;
using FixIt.Domain.Categories;

namespace FixIt.Web.Features.Admin.Categories;

/// <summary>One extra question row of the category form, as typed; <see cref="Values"/> holds one "key: name" per line.</summary>
public sealed record QuestionRow(string Code, string Question, string DataType, bool Required, string Description, string Values, bool Remove)
{
    public bool IsBlank => Remove || (Code.Trim().Length == 0 && Question.Trim().Length == 0 && Values.Trim().Length == 0);

    public static QuestionRow New { get; } = new("", "", "string", false, "", "", false);

    public bool IsList => DataType.EndsWith("valuelist", StringComparison.Ordinal);

    public ExtraQuestion ToQuestion(int order) => new()
    {
        Code = Code.Trim(),
        Question = Question.Trim(),
        DataType = DataType,
        Required = Required,
        Order = order,
        Description = Description.Trim().Length == 0 ? null : Description.Trim(),
        Values = IsList ? [.. Choices(Values)] : [],
    };

    /// <summary>"key: Name" lines; a line without a key takes one made from its name ("Very deep" → very-deep).</summary>
    public static IEnumerable<ExtraQuestionValue> Choices(string text) =>
        text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            return colon > 0
                ? new ExtraQuestionValue { Key = line[..colon].Trim(), Name = line[(colon + 1)..].Trim() }
                : new ExtraQuestionValue { Key = KeyOf(line), Name = line };
        });

    private static string KeyOf(string name)
    {
        var key = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            key.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return key.ToString().Trim('-');
    }
}

/// <summary>
/// The category form as typed. Field names are the command's (<see cref="SaveCategoryCommand"/>); a question row that
/// is blank or ticked "remove" is left out, and the order of the rows is the order of the questions.
/// </summary>
public sealed record CategoryForm(string Code, string Name, string Group, string Description, bool IsActive, IReadOnlyList<QuestionRow> Questions)
{
    /// <summary>The data types as the form offers them (Open311's names as values; the labels are English, the keys of their resources).</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> DataTypes =
    [
        ("string", "Short text"), ("text", "Long text"), ("number", "Number"), ("datetime", "Date and time"),
        ("singlevaluelist", "One choice"), ("multivaluelist", "Several choices"),
    ];

    public static CategoryForm Empty { get; } = new("", "", "", "", true, []);

    public static CategoryForm Of(CategoryAdminView view) =>
        new(view.Code, view.Name, view.Group, view.Description, view.IsActive, [.. view.ExtraQuestions.Select(q => new QuestionRow(q.Code, q.Question,
            q.DataType, q.Required, q.Description ?? "", string.Join("\n", q.Values.Select(v => $"{v.Key}: {v.Name}")), false))]);

    public static CategoryForm From(IFormCollection form, string? code)
    {
        var questions = new List<QuestionRow>();
        for (var i = 0; form.ContainsKey(Field(i, "Code")); i++)
        {
            questions.Add(new QuestionRow(form[Field(i, "Code")].ToString(), form[Field(i, "Question")].ToString(),
                form[Field(i, "DataType")].ToString() is { Length: > 0 } type ? type : "string", Ticked(form[Field(i, "Required")]),
                form[Field(i, "Description")].ToString(), form[Field(i, "Values")].ToString(), Ticked(form[Field(i, "Remove")])));
        }

        return new CategoryForm(code ?? form["Code"].ToString().Trim(), form["Name"].ToString(), form["Group"].ToString(), form["Description"].ToString(),
            Ticked(form["IsActive"]), questions);
    }

    public static string Field(int row, string name) => $"ExtraQuestions[{row.ToString(CultureInfo.InvariantCulture)}].{name}";

    /// <summary>The rows shown: those kept plus one blank row to add a question.</summary>
    public IReadOnlyList<QuestionRow> RowsWithBlank => Questions.Count > 0 && Questions[^1].IsBlank && !Questions[^1].Remove
        ? Questions
        : [.. Questions, QuestionRow.New];

    /// <summary>The questions as they will be stored (what the preview shows).</summary>
    public IReadOnlyList<int> KeptRows => [.. Enumerable.Range(0, Questions.Count).Where(i => !Questions[i].IsBlank)];

    public SaveCategoryCommand ToCommand() =>
        new(Code, Name, Group, Description, IsActive, [.. KeptRows.Select((row, order) => Questions[row].ToQuestion(order))]);

    /// <summary>The kept questions as the resident's form shows them (<see cref="CategoryQuestionsQuery"/>'s view).</summary>
    public IReadOnlyList<QuestionView> Preview => [.. ToCommand().ExtraQuestions!.Select(QuestionView.Of)];

    private static bool Ticked(Microsoft.Extensions.Primitives.StringValues value) => value.ToString() is "true" or "on";
}
