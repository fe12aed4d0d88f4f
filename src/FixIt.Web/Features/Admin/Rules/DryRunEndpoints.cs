using System.Globalization;
using FixIt.Application.Common;
using FixIt.Application.Features.Admin.Rules.ListRules;
using FixIt.Application.Features.Routing.ExplainRouting;
using FixIt.Application.Features.Routing.ExplainRoutingChange;
using FixIt.Web.Features.EmailLinks;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FixIt.Web.Features.Admin.Rules;

/// <summary>
/// /admin/rules/dry-run: a point (clicked on the map or typed) and a category, routed now and with a pending change (a new rule,
/// an edited one, a retired one): the same use cases as GET /api/routing/explain and POST /api/admin/rules/dry-run. A GET
/// form; the add and edit forms send their fields here by POST ("dry run it first"), so their antiforgery token never
/// lands in an address.
/// </summary>
internal static class DryRunEndpoints
{
    private static readonly Dictionary<string, string> Fields = new(RuleForm.Fields, StringComparer.Ordinal)
    {
        ["Latitude"] = "lat", ["Longitude"] = "lon", ["Category"] = "reportCategory",
    };

    public static Task<RazorComponentResult<DryRunPage>> DryRunPage(HttpContext context, IMediator mediator, IAntiforgery antiforgery,
        IOptions<MapOptions> map, IStringLocalizer<ConsolePages> l, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        return RunAsync(name => query[name].ToString() is { Length: > 0 } v ? v.Trim() : null, context, mediator, antiforgery, map.Value, l,
            cancellationToken);
    }

    public static async Task<IResult> DryRunFromForm(HttpContext context, IMediator mediator, IAntiforgery antiforgery, IOptions<MapOptions> map,
        IStringLocalizer<ConsolePages> l, CancellationToken cancellationToken)
    {
        var (form, _) = await ConsoleForms.ReadAsync(context, antiforgery, null, cancellationToken);
        return form is null
            ? LinkPages.FormExpired()
            : await RunAsync(name => ConsoleForms.Text(form, name), context, mediator, antiforgery, map.Value, l, cancellationToken);
    }

    private static async Task<RazorComponentResult<DryRunPage>> RunAsync(Func<string, string?> field, HttpContext context, IMediator mediator,
        IAntiforgery antiforgery, MapOptions map, IStringLocalizer<ConsolePages> l, CancellationToken cancellationToken)
    {
        var (lat, lon, category, change) = (field("lat"), field("lon"), field("reportCategory"), field("change") ?? "");
        var rule = RuleForm.Read(field);
        var rules = await mediator.Send(new ListRulesQuery(AdminCaller.Admin), cancellationToken);
        var changedId = ChangedRule(change);
        if (changedId is { } id && rules.SingleOrDefault(r => r.Id == id) is { } existing && rule.Operator is null)
        {
            // Opened from a link ("retire-12", "edit-12") with no fields: the rule as it stands.
            rule = RuleForm.Of(existing);
        }

        RoutingExplanationView? before = null;
        RoutingChangeExplanation? after = null;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (lat is not null || lon is not null)
        {
            try
            {
                if (change is "" or "none" || (change == "new" && rule.Operator is null))
                {
                    before = await mediator.Send(new ExplainRoutingQuery(Number(lat), Number(lon), category), cancellationToken);
                }
                else if (changedId is { } missing && !rules.Any(r => r.Id == missing))
                {
                    errors["change"] = [l["There is no rule {0}.", missing]];
                }
                else if (change == "new" || changedId is not null)
                {
                    var retire = change.StartsWith("retire-", StringComparison.Ordinal);
                    if (rule.TryParse(l, out var priority, out var from, out var to, out errors) || retire)
                    {
                        after = await mediator.Send(new ExplainRoutingChangeQuery(Number(lat), Number(lon), category,
                            new PendingRuleChange(changedId, retire, rule.AreaKind, rule.AreaCode, rule.Category, rule.Operator, priority, from, to)),
                            cancellationToken);
                        before = after.Before;
                        errors = [];
                    }
                }
                else
                {
                    errors["change"] = [l["Choose what to try: no change, a new rule, or a change to one rule."]];
                }
            }
            catch (ValidationException ex)
            {
                errors = ConsoleForms.ErrorsOf(ex, Fields, "operator");
            }
        }

        return new(new
        {
            Latitude = lat,
            Longitude = lon,
            Category = category,
            Change = change,
            Rule = rule,
            Rules = rules,
            Choices = await RuleChoices.LoadAsync(mediator, cancellationToken),
            Before = before,
            After = after,
            Errors = errors,
            Form = LinkPages.FormTokenFor(antiforgery, context),
            Map = map,
        })
        {
            StatusCode = errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK,
        };
    }

    private static int? ChangedRule(string change)
    {
        var dash = change.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && change[..dash] is "edit" or "retire"
            && int.TryParse(change[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    /// <summary>Text as typed: "abc" is named as a bad latitude by the use case's validation, not lost as a binding failure.</summary>
    private static double? Number(string? text) =>
        text is null ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
        : double.NaN;
}
