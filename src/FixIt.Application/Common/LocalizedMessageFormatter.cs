using FluentValidation.Internal;

namespace FixIt.Application.Common;

/// <summary>
/// FluentValidation's message formatter with the field's name (<c>{PropertyName}</c>) in the current UI culture
/// (<see cref="FieldNames"/>), so a Welsh message names the field in Welsh. Set once for every validator
/// (<c>ValidatorOptions.Global.MessageFormatterFactory</c>, in <see cref="DependencyInjection"/>). The localised name is also
/// what <see cref="FluentValidation.Results.ValidationFailure.FormattedMessagePlaceholderValues"/> hold, so a channel
/// that renames the field in the message (the web form's labels, Open311's parameter names) finds it.
/// </summary>
public sealed class LocalizedMessageFormatter : MessageFormatter
{
    public override string BuildMessage(string messageTemplate)
    {
        if (PlaceholderValues.TryGetValue(PropertyName, out var value) && value is string name && name.Length > 0)
        {
            PlaceholderValues[PropertyName] = FieldNames.Of(name);
        }

        return base.BuildMessage(messageTemplate);
    }
}
