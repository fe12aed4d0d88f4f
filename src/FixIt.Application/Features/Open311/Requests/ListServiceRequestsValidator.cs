using FixIt.Application.Common;
using FluentValidation;

namespace FixIt.Application.Features.Open311.Requests;

/// <summary>Field names are Open311's, so errors read the same to the client as its own parameters.</summary>
internal sealed class ListServiceRequestsValidator : AbstractValidator<ListServiceRequestsQuery>
{
    public ListServiceRequestsValidator()
    {
        RuleFor(q => q.Ids!.Count).LessThanOrEqualTo(ListServiceRequestsQuery.MaxRows).When(q => q.Ids is not null)
            .OverridePropertyName("service_request_id").WithMessage(_ => ValidationText.Get("MaxIds", ListServiceRequestsQuery.MaxRows));
        RuleFor(q => q.Status).Must(s => s is null or "open" or "closed")
            .OverridePropertyName("status").WithMessage(_ => ValidationText.Get("OpenOrClosed"));
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).OverridePropertyName("page").WithMessage(_ => ValidationText.Get("PageMin"));
        RuleFor(q => q.PageSize).InclusiveBetween(1, ListServiceRequestsQuery.MaxRows)
            .OverridePropertyName("page_size").WithMessage(_ => ValidationText.Get("PageSize", ListServiceRequestsQuery.MaxRows));
        RuleFor(q => q).Must(q => q.End!.Value >= q.Start!.Value).When(q => q.Start is not null && q.End is not null)
            .OverridePropertyName("end_date").WithMessage(_ => ValidationText.Get("EndBeforeStart"));
        RuleFor(q => q).Must(q => q.End!.Value - q.Start!.Value <= TimeSpan.FromDays(ListServiceRequestsQuery.MaxWindowDays))
            .When(q => q.Start is not null && q.End is not null)
            .OverridePropertyName("start_date").WithMessage(_ => ValidationText.Get("Window", ListServiceRequestsQuery.MaxWindowDays));
    }
}
