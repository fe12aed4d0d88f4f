using FixIt.Application.Features.EmailLinks.AnswerQuestionnaire;
using FixIt.Application.Features.EmailLinks.CheckLink;
using FixIt.Application.Features.EmailLinks.StillNotFixed;
using FixIt.Application.Features.Reports.GetReport;
using FixIt.Domain.Messaging;
using FixIt.Domain.Reports;
using FixIt.Web.Features.Reports.SubmitReport;
using FixIt.Web.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace FixIt.Web.Features.EmailLinks;

/// <summary>
/// The follow-up link pages: the reporter's questionnaire and "still not fixed". As for every emailed link, a GET only
/// shows the form; its POST (with the antiforgery token) acts.
/// </summary>
internal static class FollowUpLinksEndpoints
{
    public static IEndpointRouteBuilder MapFollowUpLinkPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").WithHtmlErrorPages();
        pages.MapGet("/questionnaire/{token}", QuestionnairePage).WithName(nameof(QuestionnairePage)).ExcludeFromDescription();
        pages.MapPost("/questionnaire/{token}", AnswerQuestionnaire).WithName(nameof(AnswerQuestionnaire)).ExcludeFromDescription();
        pages.MapGet("/still-not-fixed/{token}", StillNotFixedPage).WithName(nameof(StillNotFixedPage)).ExcludeFromDescription();
        pages.MapPost("/still-not-fixed/{token}", StillNotFixed).WithName(nameof(StillNotFixed)).ExcludeFromDescription();
        return app;
    }

    /// <summary>The form value of an answer: "fixed", "not-fixed", "dont-know".</summary>
    public static string Slug(QuestionnaireAnswer answer) => answer switch
    {
        QuestionnaireAnswer.Fixed => "fixed",
        QuestionnaireAnswer.NotFixed => "not-fixed",
        _ => "dont-know",
    };

    public static Task<IResult> QuestionnairePage(string token, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken) =>
        ShowAsync(token, TokenPurpose.Questionnaire, mediator, cancellationToken, report =>
            new RazorComponentResult<QuestionnairePage>(new { Report = report, Form = LinkPages.FormTokenFor(antiforgery, context) }));

    public static async Task<IResult> AnswerQuestionnaire(string token, IMediator mediator, IAntiforgery antiforgery,
        IStringLocalizer<Reports.ReportPages> text, HttpContext context, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var value = context.Request.Form["answer"].ToString();
        var answer = Enum.GetValues<QuestionnaireAnswer>().Cast<QuestionnaireAnswer?>().FirstOrDefault(a => Slug(a!.Value) == value);
        var update = context.Request.Form["update"].ToString();
        if (answer is not { } chosen)
        {
            return await QuestionnaireErrorAsync(token, mediator, antiforgery, context, null, update, text["Please choose an answer: yes, no or don't know."],
                cancellationToken);
        }

        var fileErrors = new Dictionary<string, string[]>();
        var photos = await PhotoUploads.ReadAsync(context.Request.Form.Files.GetFiles("photo"), fileErrors, cancellationToken, text);
        if (fileErrors.Count > 0)
        {
            return await QuestionnaireErrorAsync(token, mediator, antiforgery, context, chosen, update, string.Join(" ", fileErrors.Values.SelectMany(m => m)),
                cancellationToken);
        }

        try
        {
            var answered = await mediator.Send(new AnswerQuestionnaireCommand(token, chosen, update) { Photos = photos }, cancellationToken);
            return TypedResults.Redirect($"/reports/{answered.ReportId}", preserveMethod: false);
        }
        catch (ValidationException ex)
        {
            return await QuestionnaireErrorAsync(token, mediator, antiforgery, context, chosen, update,
                string.Join(" ", ex.Errors.Select(e => e.ErrorMessage)), cancellationToken);
        }
    }

    public static Task<IResult> StillNotFixedPage(string token, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken) =>
        ShowAsync(token, TokenPurpose.Reopen, mediator, cancellationToken, report => ReportStatusRules.CanReopen(report.Status)
            ? new RazorComponentResult<StillNotFixedPage>(new { Report = report, Form = LinkPages.FormTokenFor(antiforgery, context) })
            : LinkPages.NotAllowed(new InvalidTransitionException(report.Status, ReportStatus.Open) { ReportId = report.Id }));

    public static async Task<IResult> StillNotFixed(string token, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var words = context.Request.Form["words"].ToString();
        try
        {
            var reopened = await mediator.Send(new StillNotFixedCommand(token, words), cancellationToken);
            return TypedResults.Redirect($"/reports/{reopened.Id}", preserveMethod: false);
        }
        catch (ValidationException ex)
        {
            return await ShowAsync(token, TokenPurpose.Reopen, mediator, cancellationToken, report =>
                new RazorComponentResult<StillNotFixedPage>(new
                {
                    Report = report,
                    Form = LinkPages.FormTokenFor(antiforgery, context),
                    Error = string.Join(" ", ex.Errors.Select(e => e.ErrorMessage)),
                    Words = words,
                })
                { StatusCode = StatusCodes.Status400BadRequest });
        }
    }

    private static Task<IResult> QuestionnaireErrorAsync(string token, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        QuestionnaireAnswer? answer, string update, string error, CancellationToken cancellationToken) =>
        ShowAsync(token, TokenPurpose.Questionnaire, mediator, cancellationToken, report =>
            new RazorComponentResult<QuestionnairePage>(new
            {
                Report = report,
                Form = LinkPages.FormTokenFor(antiforgery, context),
                Answer = answer,
                Error = error,
                Update = update,
            })
            { StatusCode = StatusCodes.Status400BadRequest });

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1068", Justification = "The page to render reads best as the last argument, after the token it needs.")]
    private static async Task<IResult> ShowAsync(string token, TokenPurpose purpose, IMediator mediator, CancellationToken cancellationToken,
        Func<ReportView, IResult> page)
    {
        var reportId = await mediator.Send(new CheckLinkQuery(token, purpose), cancellationToken);
        return page(await mediator.Send(new GetReportQuery(reportId) { ShownByLink = true }, cancellationToken));
    }
}
