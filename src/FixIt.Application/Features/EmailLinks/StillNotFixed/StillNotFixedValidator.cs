using FixIt.Application.Common;
using FixIt.Domain.Text;
using FluentValidation;

namespace FixIt.Application.Features.EmailLinks.StillNotFixed;

internal sealed class StillNotFixedValidator : AbstractValidator<StillNotFixedCommand>
{
    public StillNotFixedValidator()
    {
        RuleFor(c => c.Words).MaxCharacters(TextLimits.ResidentText).PrintableText();
    }
}
