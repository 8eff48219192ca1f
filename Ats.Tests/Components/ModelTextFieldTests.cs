using Ats.Domain.Models;
using Ats.Web.Components.Shared;
using Bunit;

namespace Ats.Tests.Components;

/// The form field takes its max length, counter and required marker from the model descriptor.
public sealed class ModelTextFieldTests : MudTestContext
{
    [Fact]
    public void AMultiLineFieldShowsItsLimitAsACounterAndItsRequiredMarker()
    {
        var body = ModelCatalog.ApplicationNote.Field("body")!;

        var field = Render<ModelTextField>(p => p.Add(f => f.Field, body).Add(f => f.Label, "Note").Add(f => f.Value, "Hello"));

        Assert.Equal("20000", field.Find("textarea, input").GetAttribute("maxlength"));
        Assert.Contains("5 / 20000", field.Markup);
        // MudBlazor draws the asterisk from this class (.mud-input-required … ::after { content: "*" }).
        Assert.Contains("mud-input-required", field.Find(".mud-input-control").ClassList);
    }

    [Fact]
    public void AShortOptionalFieldIsBoundedWithoutACounterOrMarker()
    {
        var city = ModelCatalog.Candidate.Field("city")!;

        var field = Render<ModelTextField>(p => p.Add(f => f.Field, city).Add(f => f.Label, "City"));

        Assert.Equal("100", field.Find("input").GetAttribute("maxlength"));
        Assert.DoesNotContain("/ 100", field.Markup);
        Assert.DoesNotContain("mud-input-required", field.Find(".mud-input-control").ClassList);
    }
}
