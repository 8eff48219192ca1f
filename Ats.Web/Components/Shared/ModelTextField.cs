using Ats.Domain.Models;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Ats.Web.Components.Shared;

/// A text field of a public model: its max length and required marker come from the field's descriptor (ModelCatalog),
/// the same facts the API checks and documents, so a form never allows more or asks less than a save accepts.
/// Long, multi-line texts also show a counter. Everything else is MudTextField's.
public sealed class ModelTextField : MudTextField<string>
{
    [Parameter, EditorRequired] public FieldDescriptor Field { get; set; } = null!;

    public override Task SetParametersAsync(ParameterView parameters)
    {
        var values = new Dictionary<string, object?>(parameters.ToDictionary());
        if (values.GetValueOrDefault(nameof(Field)) is FieldDescriptor field)
        {
            if (field.MaxLength is { } max)
            {
                values[nameof(MaxLength)] = max;
                if (field.MultiLine) values.TryAdd(nameof(Counter), max);
            }
            values[nameof(Required)] = field.IsRequired;
        }
        return base.SetParametersAsync(ParameterView.FromDictionary(values));
    }
}
