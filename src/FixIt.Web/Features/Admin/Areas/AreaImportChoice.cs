namespace FixIt.Web.Features.Admin.Areas;

/// <summary>
/// The upload form's state between its steps: the kept file and the choices made from its own keys. The file's name is read
/// from the kept upload (<see cref="ConsoleUploads.NameOf"/>), never from the form.
/// </summary>
public sealed record AreaImportChoice(string Upload, string FileName, string? Kind, string? TopologyObject, string? NameProperty, string? CodeProperty,
    bool SkipRejected)
{
    public static AreaImportChoice Read(IFormCollection form) => new(
        form["upload"].ToString(), "", ConsoleForms.Text(form, "kind"), ConsoleForms.Text(form, "object"),
        ConsoleForms.Text(form, "nameProperty"), ConsoleForms.Text(form, "codeProperty"), form["skipRejected"] == "true");

    /// <summary>The usual names first ("name", "code", GeoJSON's own "id"), then the file's first key.</summary>
    public AreaImportChoice WithGuesses(IReadOnlyList<string> keys) => this with
    {
        NameProperty = NameProperty ?? Guess(keys, "name", "NAME", "Name", "name_en", "NAME_EN"),
        CodeProperty = CodeProperty ?? Guess(keys, "code", "CODE", "Code", "id", "GEOID", "ref"),
    };

    private static string? Guess(IReadOnlyList<string> keys, params string[] likely) =>
        likely.FirstOrDefault(keys.Contains) ?? (keys.Count > 0 ? keys[0] : null);
}
