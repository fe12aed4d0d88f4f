using FixIt.Application.Common;
using FixIt.Application.Features.EmailLinks.RespondToReport;
using FixIt.Domain.Reports;
using FixIt.Domain.Text;
using FluentValidation;

namespace FixIt.Application.Features.OperatorConsole.ResponseTemplates.SaveResponseTemplate;

internal sealed class SaveResponseTemplateValidator : AbstractValidator<SaveResponseTemplateCommand>
{
    /// <summary>The status changes an operator makes (the email links' and the staff panel's).</summary>
    public static readonly IReadOnlyList<ReportStatus> Statuses = [.. OperatorActions.All.Select(a => a.TargetStatus()).OfType<ReportStatus>()];

    public SaveResponseTemplateValidator()
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage("Give the template a name.").OverridePropertyName("title");
        RuleFor(c => c.Title).MaxCharacters(TextLimits.ResponseTemplateTitle).SingleLine().OverridePropertyName("title");
        RuleFor(c => c.Text).NotEmpty().WithMessage("Write the template's text.").OverridePropertyName("text");
        RuleFor(c => c.Text).MaxCharacters(TextLimits.OperatorText).PrintableText().OverridePropertyName("text");
        RuleFor(c => c.Status).Must(s => s is null || Statuses.Contains(s.Value)).OverridePropertyName("status")
            .WithMessage("Choose acknowledged, in progress, action scheduled, fixed, or any.");
    }
}
