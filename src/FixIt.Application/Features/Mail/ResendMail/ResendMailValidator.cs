using FixIt.Application.Abstractions;
using FixIt.Domain.Messaging;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace FixIt.Application.Features.Mail.ResendMail;

internal sealed class ResendMailValidator : AbstractValidator<ResendMailCommand>
{
    public ResendMailValidator(IFixItDb db)
    {
        RuleFor(c => c.Id).Cascade(CascadeMode.Stop)
            .MustAsync((id, ct) => db.OutboxMessages.AnyAsync(m => m.Id == id
                && (m.Status == OutboxStatus.Failed || (m.Status == OutboxStatus.Pending && m.Attempts > 0)), ct))
            .WithMessage("Only an email that failed or waits for a retry can be sent again.")
            .MustAsync((id, ct) => db.OutboxMessages.AnyAsync(m => m.Id == id && m.ToAddress != "", ct))
            .WithMessage("This email's recipient was erased; it cannot be sent again.");
    }
}
