using FixIt.Domain.Text;

namespace FixIt.Domain.Categories;

/// <summary>A kind of problem residents can report, e.g. "Street lighting".</summary>
public sealed class Category
{
    public int Id { get; set; }

    /// <summary>Stable code used by the API and as the Open311 service_code.</summary>
    public string Code { get; set; } = "";

    /// <summary>Shown publicly: kept in NFC without direction controls (<see cref="PublicTextScrubber"/>) whoever sets it.</summary>
    public string Name { get; set => field = PublicTextScrubber.Scrub(value); } = "";

    public string Group { get; set => field = PublicTextScrubber.Scrub(value); } = "";

    public string Description { get; set => field = PublicTextScrubber.Scrub(value); } = "";

    public List<ExtraQuestion> ExtraQuestions { get; set; } = [];

    public bool IsActive { get; set; } = true;
}

/// <summary>A category-specific question (an Open311 attribute).</summary>
public sealed class ExtraQuestion
{
    public string Code { get; set; } = "";

    public string Question { get; set; } = "";

    /// <summary>string, number, datetime, text, singlevaluelist or multivaluelist.</summary>
    public string DataType { get; set; } = "string";

    public bool Required { get; set; }

    public int Order { get; set; }

    public string? Description { get; set; }

    public List<ExtraQuestionValue> Values { get; set; } = [];
}

public sealed class ExtraQuestionValue
{
    public string Key { get; set; } = "";

    public string Name { get; set; } = "";
}
