using FixIt.Application.Common;
using FixIt.Application.Features.Admin.Rules.CreateRule;
using FixIt.Application.Features.Admin.Rules.ImportRules;
using FixIt.Application.Features.Admin.Rules.ListRules;
using FixIt.Application.Features.Admin.Rules.PreviewRuleImport;
using FixIt.Application.Features.Admin.Rules.RetireRule;
using FixIt.Application.Features.Admin.Rules.UpdateRule;
using FixIt.Application.Routing;
using FixIt.Domain.Moderation;
using FixIt.Infrastructure.Spatial;
using FixIt.Web.Features.Admin.SignIn;
using FixIt.Web.Features.EmailLinks;
using FixIt.Web.Infrastructure;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Features.Admin.Rules;

/// <summary>
/// /admin/rules: the routing table (sortable, filterable), add, edit and retire, and a CSV import with a preview. Each write
/// is the admin API's use case (<see cref="CreateRuleCommand"/>, <see cref="UpdateRuleCommand"/>, <see cref="RetireRuleCommand"/>,
/// <see cref="PreviewRuleImportQuery"/>, <see cref="ImportRulesCommand"/>). The dry run is in <see cref="DryRunEndpoints"/>.
/// </summary>
internal static class RulePagesEndpoints
{
    public static IEndpointRouteBuilder MapRulePages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/rules").ExcludeFromDescription().RequireAuthorization(AdminSignIn.PagePolicy).WithHtmlErrorPages();
        group.MapGet("/", RulesPage).WithName(nameof(RulesPage));
        group.MapPost("/", AddRule).WithName(nameof(AddRule));
        group.MapGet("/{id:int}/edit", EditRulePage).WithName(nameof(EditRulePage));
        group.MapPost("/{id:int}", ChangeRule).WithName(nameof(ChangeRule));
        group.MapPost("/{id:int}/retire", RetireRuleFromPage).WithName(nameof(RetireRuleFromPage));
        group.MapPost("/import/preview", PreviewRuleFile).WithName(nameof(PreviewRuleFile));
        group.MapPost("/import", ImportRuleFile).WithName(nameof(ImportRuleFile));
        group.MapGet("/dry-run", DryRunEndpoints.DryRunPage).WithName(nameof(DryRunEndpoints.DryRunPage));
        group.MapPost("/dry-run", DryRunEndpoints.DryRunFromForm).WithName(nameof(DryRunEndpoints.DryRunFromForm));
        return app;
    }

    public static Task<RazorComponentResult<RulesPage>> RulesPage(HttpContext context, int? added, int? changed, int? retired, int? imported,
        int? removed, IMediator mediator, IAntiforgery antiforgery, TimeProvider clock, IOptions<AdminImportOptions> options,
        IStringLocalizer<ConsolePages> l, CancellationToken cancellationToken)
    {
        var done = added is { } a ? l["Rule {0} added.", a].Value
            : changed is { } c ? l["Rule {0} changed.", c].Value
            : retired is { } r ? l["Rule {0} retired.", r].Value
            : imported is { } i ? (removed is > 0 ? l["{0} rules imported, {1} removed.", i, removed] : l["{0} rules imported.", i]).Value
            : null;
        var query = context.Request.Query;
        var prefill = RuleForm.Empty with { AreaKind = query["areaKind"], AreaCode = query["areaCode"], Category = query["ruleCategory"] };
        return Page(context, done, prefill, [], StatusCodes.Status200OK, mediator, antiforgery, clock, options.Value, cancellationToken);
    }

    public static async Task<IResult> AddRule(HttpContext context, IMediator mediator, IAntiforgery antiforgery, TimeProvider clock,
        IOptions<AdminImportOptions> options, IStringLocalizer<ConsolePages> l, CancellationToken cancellationToken)
    {
        var (form, _) = await ConsoleForms.ReadAsync(context, antiforgery, null, cancellationToken);
        if (form is null)
        {
            return LinkPages.FormExpired();
        }

        var rule = RuleForm.Read(name => ConsoleForms.Text(form, name));
        if (!rule.TryParse(l, out var priority, out var from, out var to, out var errors))
        {
            return await Page(context, null, rule, errors, StatusCodes.Status400BadRequest, mediator, antiforgery, clock, options.Value, cancellationToken);
        }

        try
        {
            var saved = await mediator.Send(new CreateRuleCommand(rule.AreaKind, rule.AreaCode, rule.Category, rule.Operator, priority, from, to),
                cancellationToken);
            return TypedResults.Redirect($"/admin/rules?added={saved.Id}#rule-{saved.Id}");
        }
        catch (ValidationException ex)
        {
            return await Page(context, null, rule, ConsoleForms.ErrorsOf(ex, RuleForm.Fields, "operator"), StatusCodes.Status400BadRequest, mediator,
                antiforgery, clock, options.Value, cancellationToken);
        }
    }

    public static async Task<RazorComponentResult<RuleEditPage>> EditRulePage(int id, IMediator mediator, IAntiforgery antiforgery, HttpContext context,
        CancellationToken cancellationToken)
    {
        var rule = (await mediator.Send(new ListRulesQuery(AdminCaller.Admin), cancellationToken)).SingleOrDefault(r => r.Id == id)
            ?? throw new NotFoundException("Rule", id);
        return await EditPage(id, RuleForm.Of(rule), [], StatusCodes.Status200OK, mediator, antiforgery, context, cancellationToken);
    }

    public static async Task<IResult> ChangeRule(int id, HttpContext context, IMediator mediator, IAntiforgery antiforgery, IStringLocalizer<ConsolePages> l,
        CancellationToken cancellationToken)
    {
        var (form, _) = await ConsoleForms.ReadAsync(context, antiforgery, null, cancellationToken);
        if (form is null)
        {
            return LinkPages.FormExpired();
        }

        var rule = RuleForm.Read(name => ConsoleForms.Text(form, name));
        if (!rule.TryParse(l, out var priority, out var from, out var to, out var errors))
        {
            return await EditPage(id, rule, errors, StatusCodes.Status400BadRequest, mediator, antiforgery, context, cancellationToken);
        }

        try
        {
            await mediator.Send(new UpdateRuleCommand(id, rule.AreaKind, rule.AreaCode, rule.Category, rule.Operator, priority, from, to), cancellationToken);
            return TypedResults.Redirect($"/admin/rules?changed={id}#rule-{id}");
        }
        catch (ValidationException ex)
        {
            return await EditPage(id, rule, ConsoleForms.ErrorsOf(ex, RuleForm.Fields, "operator"), StatusCodes.Status400BadRequest, mediator, antiforgery,
                context, cancellationToken);
        }
    }

    public static async Task<IResult> RetireRuleFromPage(int id, HttpContext context, IMediator mediator, IAntiforgery antiforgery, TimeProvider clock,
        IOptions<AdminImportOptions> options, CancellationToken cancellationToken)
    {
        var (form, _) = await ConsoleForms.ReadAsync(context, antiforgery, null, cancellationToken);
        if (form is null)
        {
            return LinkPages.FormExpired();
        }

        try
        {
            await mediator.Send(new RetireRuleCommand(id), cancellationToken);
            return TypedResults.Redirect($"/admin/rules?retired={id}");
        }
        catch (ModerationConflictException ex)
        {
            return await Page(context, null, RuleForm.Empty, ConsoleForms.Error($"rule-{id}", ex.Message), StatusCodes.Status409Conflict, mediator,
                antiforgery, clock, options.Value, cancellationToken);
        }
    }

    public static async Task<IResult> PreviewRuleFile(HttpContext context, IMediator mediator, IAntiforgery antiforgery, ConsoleUploads uploads,
        TimeProvider clock, IOptions<AdminImportOptions> options, IStringLocalizer<ConsolePages> l, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxUploadBytes;
        var (form, tooLarge) = await ConsoleForms.ReadAsync(context, antiforgery, limit, cancellationToken);
        if (tooLarge || form is null)
        {
            return tooLarge
                ? await Page(context, null, RuleForm.Empty, ConsoleForms.Error("csv", ConsoleForms.TooLargeMessage(limit, l)),
                    StatusCodes.Status413PayloadTooLarge, mediator, antiforgery, clock, options.Value, cancellationToken)
                : LinkPages.FormExpired();
        }

        if (form.Files.GetFile("csv") is not { Length: > 0 } file)
        {
            return await Page(context, null, RuleForm.Empty, ConsoleForms.Error("csv", l["Choose a CSV file of rules."]), StatusCodes.Status400BadRequest,
                mediator, antiforgery, clock, options.Value, cancellationToken);
        }

        string upload;
        await using (var stream = file.OpenReadStream())
        {
            upload = await uploads.SaveAsync(stream, null, cancellationToken);
        }

        return await ImportPage(upload, form["replace"] == "true", null, context, mediator, antiforgery, uploads, clock, options.Value, l, cancellationToken);
    }

    public static async Task<IResult> ImportRuleFile(HttpContext context, IMediator mediator, IAntiforgery antiforgery, ConsoleUploads uploads,
        TimeProvider clock, IOptions<AdminImportOptions> options, IStringLocalizer<ConsolePages> l, CancellationToken cancellationToken)
    {
        var (form, _) = await ConsoleForms.ReadAsync(context, antiforgery, null, cancellationToken);
        if (form is null)
        {
            return LinkPages.FormExpired();
        }

        var (upload, replace) = (form["upload"].ToString(), form["replace"] == "true");
        try
        {
            var rows = await ReadRowsAsync(upload, uploads, options.Value, l, cancellationToken);
            var result = await mediator.Send(new ImportRulesCommand(rows, replace), cancellationToken);
            uploads.Delete(upload);
            return TypedResults.Redirect($"/admin/rules?imported={result.Added}&removed={result.Removed}");
        }
        catch (Exception ex) when (ex is ValidationException or ImportFileException)
        {
            return await ImportPage(upload, replace, ex, context, mediator, antiforgery, uploads, clock, options.Value, l, cancellationToken);
        }
    }

    private static async Task<IReadOnlyList<RuleRow>> ReadRowsAsync(string upload, ConsoleUploads uploads, AdminImportOptions options,
        IStringLocalizer<ConsolePages> l, CancellationToken cancellationToken)
    {
        await using var stream = uploads.Open(upload)
            ?? throw new ImportFileException(l["The uploaded file is no longer kept (uploads last two hours); choose it again."]);
        return await RuleCsv.ReadAsync(stream, options.MaxUploadBytes, cancellationToken);
    }

    private static async Task<IResult> ImportPage(string upload, bool replace, Exception? failure, HttpContext context, IMediator mediator,
        IAntiforgery antiforgery, ConsoleUploads uploads, TimeProvider clock, AdminImportOptions options, IStringLocalizer<ConsolePages> l,
        CancellationToken cancellationToken)
    {
        RuleImportPreview? preview = null;
        if (failure is null)
        {
            try
            {
                var rows = await ReadRowsAsync(upload, uploads, options, l, cancellationToken);
                preview = await mediator.Send(new PreviewRuleImportQuery(rows, replace), cancellationToken);
            }
            catch (Exception ex) when (ex is ValidationException or ImportFileException)
            {
                failure = ex;
            }
        }

        var errors = failure switch
        {
            ValidationException v => new Dictionary<string, string[]> { ["csv"] = [.. v.Errors.Select(e => e.ErrorMessage)] },
            ImportFileException f => ConsoleForms.Error("csv", f.Message),
            _ => [],
        };
        return new RazorComponentResult<RuleImportPage>(new
        {
            Upload = upload,
            Replace = replace,
            Preview = preview,
            Errors = errors,
            Form = LinkPages.FormTokenFor(antiforgery, context),
            Now = clock.GetUtcNow(),
        })
        {
            StatusCode = errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK,
        };
    }

    private static async Task<RazorComponentResult<RulesPage>> Page(HttpContext context, string? done, RuleForm newRule,
        Dictionary<string, string[]> errors, int status, IMediator mediator, IAntiforgery antiforgery, TimeProvider clock, AdminImportOptions options,
        CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var filter = new RuleFilter(query["area"], query["category"], query["operator"], query["state"], query["sort"], query["dir"] == "desc");
        var now = clock.GetUtcNow();
        var all = await mediator.Send(new ListRulesQuery(AdminCaller.Admin), cancellationToken);
        return new(new
        {
            Rules = filter.Apply(all, now).ToList(),
            Total = all.Count,
            Filter = filter,
            Choices = await RuleChoices.LoadAsync(mediator, cancellationToken),
            NewRule = newRule,
            Errors = errors,
            Done = done,
            Form = LinkPages.FormTokenFor(antiforgery, context),
            Now = now,
            MaxUploadBytes = options.MaxUploadBytes,
        })
        {
            StatusCode = status,
        };
    }

    private static async Task<RazorComponentResult<RuleEditPage>> EditPage(int id, RuleForm rule, Dictionary<string, string[]> errors, int status,
        IMediator mediator, IAntiforgery antiforgery, HttpContext context, CancellationToken cancellationToken) =>
        new(new
        {
            Id = id,
            Rule = rule,
            Choices = await RuleChoices.LoadAsync(mediator, cancellationToken),
            Errors = errors,
            Form = LinkPages.FormTokenFor(antiforgery, context),
        })
        {
            StatusCode = status,
        };
}
