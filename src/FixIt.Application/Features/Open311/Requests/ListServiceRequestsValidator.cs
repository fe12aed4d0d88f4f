using FluentValidation;

namespace FixIt.Application.Features.Open311.Requests;

/// <summary>Field names are Open311's, so errors read the same to the client as its own parameters.</summary>
internal sealed class ListServiceRequestsValidator : AbstractValidator<ListServiceRequestsQuery>
{
    public ListServiceRequestsValidator()
    {
        RuleFor(q => q.Ids!.Count).LessThanOrEqualTo(ListServiceRequestsQuery.MaxRows).When(q => q.Ids is not null)
            .OverridePropertyName("service_request_id").WithMessage($"At most {ListServiceRequestsQuery.MaxRows} ids may be asked for at once.");
        RuleFor(q => q.Status).Must(s => s is null or "open" or "closed")
            .OverridePropertyName("status").WithMessage("must be open or closed.");
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).OverridePropertyName("page").WithMessage("must be 1 or more.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, ListServiceRequestsQuery.MaxRows)
            .OverridePropertyName("page_size").WithMessage($"must be between 1 and {ListServiceRequestsQuery.MaxRows}.");
        RuleFor(q => q).Must(q => q.End!.Value >= q.Start!.Value).When(q => q.Start is not null && q.End is not null)
            .OverridePropertyName("end_date").WithMessage("must not be before start_date.");
        RuleFor(q => q).Must(q => q.End!.Value - q.Start!.Value <= TimeSpan.FromDays(ListServiceRequestsQuery.MaxWindowDays))
            .When(q => q.Start is not null && q.End is not null)
            .OverridePropertyName("start_date").WithMessage($"must be at most {ListServiceRequestsQuery.MaxWindowDays} days before end_date.");
    }
}
