using System.Text.Json;
using FixIt.Application.Features.Privacy;
using FixIt.Application.Features.Privacy.ErasePerson;
using FixIt.Application.Features.Privacy.ExportPersonData;
using FixIt.Application.Features.Privacy.GetMyData;
using FixIt.Application.Features.Privacy.HideMyName;
using FixIt.Application.Features.Privacy.OpenMyReportsLink;
using FixIt.Application.Features.Privacy.RequestMyReportsLink;
using FixIt.Application.Features.Privacy.UnsubscribeEverywhere;
using FixIt.Domain.Privacy;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Infrastructure;
using FixIt.Web.Infrastructure.RateLimiting;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Features.Privacy.MyReports;

/// <summary>
/// "My reports" (/my): an address asks for a link; the link (a page with a button, for mail scanners) opens a short
/// session in that browser; the page lists what was made with the address and offers hide my name, unsubscribe from
/// everything, download my data and erase me. Every change is a POST with its antiforgery token.
/// </summary>
internal static class MyReportsEndpoints
{
    private const string CheckYourEmail =
        "If we hold anything for that address, we have sent it an email with a link to your reports. The link works once, for a short time.";

    public static IEndpointRouteBuilder MapMyReports(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/my").WithHtmlErrorPages().ExcludeFromDescription();
        pages.MapGet("", RequestPage).WithName(nameof(RequestPage));
        pages.MapPost("", RequestLink).WithName(nameof(RequestLink)).RequireRateLimiting(RateLimitPolicies.MyReports);
        pages.MapGet("/link/{token}", LinkPage).WithName(nameof(LinkPage));
        pages.MapPost("/link/{token}", OpenLink).WithName(nameof(OpenLink));
        pages.MapGet("/reports", MyReportsPage).WithName(nameof(MyReportsPage));
        pages.MapPost("/hide-name", HideName).WithName(nameof(HideName));
        pages.MapPost("/unsubscribe", UnsubscribeAll).WithName(nameof(UnsubscribeAll));
        pages.MapGet("/download", Download).WithName(nameof(Download));
        pages.MapPost("/erase", Erase).WithName(nameof(Erase));
        return app;
    }

    public static RazorComponentResult<MyReportsRequestPage> RequestPage(IAntiforgery antiforgery, HttpContext context) =>
        new(new { Form = LinkPages.FormTokenFor(antiforgery, context) });

    // The same answer whether or not the address is known, and whether or not its mailbox's daily cap was reached.
    public static async Task<IResult> RequestLink(IMediator mediator, IAntiforgery antiforgery, HttpContext context, CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.Page("Form expired", "The form could not be checked (it may have expired). Go back, reload the page and try again.",
                StatusCodes.Status400BadRequest);
        }

        if (Honeypot.Caught(context.Request.Form, context))
        {
            return LinkPages.Page("Check your email", CheckYourEmail, StatusCodes.Status200OK);
        }

        var email = context.Request.Form["email"].ToString().Trim();
        try
        {
            await mediator.Send(new RequestMyReportsLinkCommand(email), cancellationToken);
            return LinkPages.Page("Check your email", CheckYourEmail, StatusCodes.Status200OK);
        }
        catch (ValidationException ex)
        {
            return new RazorComponentResult<MyReportsRequestPage>(new
            {
                Form = LinkPages.FormTokenFor(antiforgery, context), Email = email, Error = string.Join(" ", ex.Errors.Select(e => e.ErrorMessage)),
            })
            { StatusCode = StatusCodes.Status400BadRequest };
        }
    }

    public static async Task<RazorComponentResult<MyReportsLinkPage>> LinkPage(string token, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken)
    {
        await mediator.Send(new CheckMyReportsLinkQuery(token), cancellationToken);
        return new(new { Form = LinkPages.FormTokenFor(antiforgery, context) });
    }

    public static async Task<IResult> OpenLink(string token, IMediator mediator, IAntiforgery antiforgery, MyReportsSession session, HttpContext context,
        CancellationToken cancellationToken)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.FormExpired();
        }

        var address = await mediator.Send(new OpenMyReportsLinkCommand(token), cancellationToken);
        session.Start(context, address);
        return TypedResults.Redirect("/my/reports", preserveMethod: false);
    }

    public static async Task<IResult> MyReportsPage(IMediator mediator, IAntiforgery antiforgery, MyReportsSession session, HttpContext context,
        CancellationToken cancellationToken)
    {
        if (session.AddressOf(context) is not { } address)
        {
            return SessionEnded(antiforgery, context);
        }

        var data = await mediator.Send(new GetMyDataQuery(address), cancellationToken);
        return new RazorComponentResult<MyReportsPage>(new
        {
            Address = address, Data = data, Form = LinkPages.FormTokenFor(antiforgery, context), Notice = Notices.GetValueOrDefault(session.TakeNotice(context) ?? ""),
        });
    }

    public static Task<IResult> HideName(IMediator mediator, IAntiforgery antiforgery, MyReportsSession session, HttpContext context,
        CancellationToken cancellationToken) =>
        ActAsync(antiforgery, session, context, async address =>
        {
            // "all" only when asked for by name: anything else that is not a report number changes nothing.
            var which = context.Request.Form["report"].ToString();
            int? reportId;
            if (which == "all")
            {
                reportId = null;
            }
            else if (int.TryParse(which, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                reportId = id;
            }
            else
            {
                return BadField("The field \"report\" must be one of your report numbers, or \"all\" for every report. Nothing was changed.");
            }

            await mediator.Send(new HideMyNameCommand(address, reportId), cancellationToken);
            return Done(session, context, "name-hidden");
        });

    public static Task<IResult> UnsubscribeAll(IMediator mediator, IAntiforgery antiforgery, MyReportsSession session, HttpContext context,
        CancellationToken cancellationToken) =>
        ActAsync(antiforgery, session, context, async address =>
        {
            await mediator.Send(new UnsubscribeEverywhereCommand(address), cancellationToken);
            return Done(session, context, "unsubscribed");
        });

    public static async Task<IResult> Download(IMediator mediator, IAntiforgery antiforgery, MyReportsSession session, IOptions<JsonOptions> json, HttpContext context,
        CancellationToken cancellationToken)
    {
        if (session.AddressOf(context) is not { } address)
        {
            return SessionEnded(antiforgery, context);
        }

        var export = await mediator.Send(new ExportPersonDataQuery(address), cancellationToken);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(export, json.Value.SerializerOptions);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(bytes, "application/json", "fixit-my-data.json");
    }

    public static Task<IResult> Erase(IMediator mediator, IAntiforgery antiforgery, MyReportsSession session, HttpContext context,
        CancellationToken cancellationToken) =>
        ActAsync(antiforgery, session, context, async address =>
        {
            // The two tick boxes send exactly their value when ticked and nothing when not; anything else is refused.
            var confirm = context.Request.Form["confirm"].ToString();
            var photos = context.Request.Form["removePhotos"].ToString();
            if (confirm is not ("" or "yes"))
            {
                return BadField("The field \"confirm\" must be \"yes\" (the tick box), or left out. Nothing was erased.");
            }

            if (photos is not ("" or "true"))
            {
                return BadField("The field \"removePhotos\" must be \"true\" (the tick box), or left out. Nothing was erased.");
            }

            if (confirm != "yes")
            {
                return Done(session, context, "erase-unconfirmed");
            }

            var removePhotos = photos == "true";
            try
            {
                await mediator.Send(new ErasePersonCommand(address, removePhotos, ErasureRequester.Resident), cancellationToken);
            }
            catch (OperatorContactException)
            {
                return LinkPages.Page("Not erased",
                    "This address is an operator contact. Operator contacts are managed in the admin console, not erased here; nothing was changed.",
                    StatusCodes.Status409Conflict);
            }

            session.End(context);
            return LinkPages.Page("Your data is erased",
                "Your name and contact details are gone from every report and update you made, your subscriptions are deleted, and no email will be sent to you again. The reports stay, as a resident's.",
                StatusCodes.Status200OK);
        });

    // The notices are English keys of PrivacyPages; the page shows them in the reader's language.
    private static readonly Dictionary<string, string> Notices = new(StringComparer.Ordinal)
    {
        ["name-hidden"] = "Your name is hidden. The public pages now say \"The reporter\".",
        ["unsubscribed"] = "Unsubscribed: no more update emails about any report.",
        ["erase-unconfirmed"] = "Nothing was erased: tick the box to confirm that you want your data erased.",
    };

    // Back to the list, which says once what was done (a cookie, ADR 0180: a query string could be linked to).
    private static RedirectHttpResult Done(MyReportsSession session, HttpContext context, string notice)
    {
        session.SetNotice(context, notice);
        return TypedResults.Redirect("/my/reports", preserveMethod: false);
    }

    // The message names the form's field as sent (the tick box's name), so a hand-made request knows what to fix.
    private static RazorComponentResult<LinkProblemPage> BadField(string message) =>
        LinkPages.Page("Nothing changed", message, StatusCodes.Status400BadRequest);

    private static async Task<IResult> ActAsync(IAntiforgery antiforgery, MyReportsSession session, HttpContext context, Func<string, Task<IResult>> act)
    {
        if (!await LinkPages.FormIsGenuineAsync(antiforgery, context))
        {
            return LinkPages.Page("Form expired", "The form could not be checked (it may have expired). Open My reports again. Nothing was changed.",
                StatusCodes.Status400BadRequest);
        }

        return session.AddressOf(context) is { } address ? await act(address) : SessionEnded(antiforgery, context);
    }

    // No session (never opened here, expired, or ended by an erasure): the form to ask for a new link.
    private static RazorComponentResult<MyReportsRequestPage> SessionEnded(IAntiforgery antiforgery, HttpContext context) =>
        new(new { Form = LinkPages.FormTokenFor(antiforgery, context), SessionEnded = true }) { StatusCode = StatusCodes.Status401Unauthorized };
}
