using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Ats.Tests.Components;

/// Every text a component asks the localiser for has a German and an English entry.
public sealed partial class LocalisationTests
{
    private static readonly string WebProject = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../Ats.Web"));

    private static HashSet<string> ResourceKeys(string file) =>
        XDocument.Load(Path.Combine(WebProject, "Resources", file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    private static IEnumerable<string> KeysUsedInComponents() =>
        Directory.EnumerateFiles(Path.Combine(WebProject, "Components"), "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => LocaliserCall().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value.Replace("\\\"", "\"")))
            .Concat(LabelText().Matches(File.ReadAllText(Path.Combine(WebProject, "Components/Shared/Labels.cs"))).Select(m => m.Groups[1].Value))
            .Distinct();

    [Theory]
    [InlineData("SharedResource.resx")]
    [InlineData("SharedResource.de.resx")]
    public void EveryLocalisedTextHasAnEntry(string resourceFile)
    {
        var keys = ResourceKeys(resourceFile);

        var missing = KeysUsedInComponents().Where(k => !keys.Contains(k)).ToList();

        Assert.True(missing.Count == 0, $"Missing in {resourceFile}: {string.Join(" | ", missing)}");
    }

    [Fact]
    public void GermanAndEnglishHaveTheSameKeys() =>
        Assert.Equal(ResourceKeys("SharedResource.resx").Order(), ResourceKeys("SharedResource.de.resx").Order());

    [GeneratedRegex("L\\[\"((?:[^\"\\\\]|\\\\.)+)\"[\\],]")]
    private static partial Regex LocaliserCall();

    [GeneratedRegex("=> \"([^\"]+)\"")]
    private static partial Regex LabelText();
}
