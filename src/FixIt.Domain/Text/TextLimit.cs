namespace FixIt.Domain.Text;

/// <summary>
/// A length limit on text people write, in characters as a person sees them (<see cref="TextElements"/>), and the
/// column that stores it: <see cref="StorageLength"/> UTF-16 code units (SQL Server's nvarchar(n) counts these,
/// PostgreSQL's varchar(n) counts code points, never more). One character may take many code units (a flag 4, an
/// emoji family 11, a subdivision flag 14), so the column holds <see cref="UnitsPerCharacter"/> per character; text
/// within the character limit but past the column (a letter under hundreds of combining marks) is refused as too
/// long to store, never cut or failed at insert.
/// </summary>
/// <param name="Characters">The most characters (text elements) accepted.</param>
public readonly record struct TextLimit(int Characters)
{
    /// <summary>Code units set aside per character: more than any emoji sequence in Unicode 16 takes (14).</summary>
    public const int UnitsPerCharacter = 16;

    /// <summary>The column's length in UTF-16 code units.</summary>
    public int StorageLength => Characters * UnitsPerCharacter;
}

/// <summary>The limits of the text fields people fill in, shared by the validators, the columns and the forms.</summary>
public static class TextLimits
{
    public static readonly TextLimit ReportTitle = new(120);
    public static readonly TextLimit ReportDescription = new(4000);
    public static readonly TextLimit ReporterName = new(100);
    public static readonly TextLimit Address = new(250);

    /// <summary>An operator's note or "not ours" reason from an email link or the admin API.</summary>
    public static readonly TextLimit OperatorText = new(4000);

    /// <summary>A resident's words from a link page: "still not fixed", or the questionnaire's "not fixed" update.</summary>
    public static readonly TextLimit ResidentText = new(4000);

    /// <summary>Why an operator says a report is not theirs (the admin API's decline).</summary>
    public static readonly TextLimit DeclineReason = new(1000);

    /// <summary>The public text of a timeline entry: an operator's note, a reply by email, a reason.</summary>
    public static readonly TextLimit EventText = new(10000);

    /// <summary>Who did something, as the timeline shows it: an operator's or a shown reporter's name.</summary>
    public static readonly TextLimit ActorName = new(200);

    /// <summary>Why staff hid, corrected or blocked something: kept in the audit log, never shown to the public.</summary>
    public static readonly TextLimit ModerationReason = new(1000);

    /// <summary>What a resident adds to a flag ("report this as inappropriate"): for staff only, never shown to the public.</summary>
    public static readonly TextLimit FlagDetails = new(500);

    public static readonly TextLimit OperatorName = new(200);
    public static readonly TextLimit CategoryName = new(200);
    public static readonly TextLimit CategoryGroup = new(200);
    public static readonly TextLimit CategoryDescription = new(2000);
    public static readonly TextLimit CategoryQuestion = new(500);
    public static readonly TextLimit AreaName = new(200);

    /// <summary>A response template's name in the chooser (its text is <see cref="OperatorText"/>).</summary>
    public static readonly TextLimit ResponseTemplateTitle = new(100);
}
