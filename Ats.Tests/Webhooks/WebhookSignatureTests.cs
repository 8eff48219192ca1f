using Ats.Domain.Webhooks;

namespace Ats.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    /// The Standard Webhooks specification's own test vector.
    [Fact]
    public void SignsTheSpecificationsTestVector() =>
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            WebhookSignature.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"));

    [Fact]
    public void NewSecretsAreRandomAndDecodeToAtLeast24Bytes()
    {
        var (a, b) = (WebhookSignature.NewSecret(), WebhookSignature.NewSecret());

        Assert.NotEqual(a, b);
        Assert.StartsWith("whsec_", a);
        Assert.InRange(Convert.FromBase64String(a["whsec_".Length..]).Length, 24, 32);
    }

    [Fact]
    public void TheDocumentedVerifierAcceptsTheSpecificationsTestVector()
    {
        var headers = new Dictionary<string, string>
        {
            ["webhook-id"] = "msg_p5jXN8AQM9LWM0D4loKWxJek",
            ["webhook-timestamp"] = "1614265330",
            ["webhook-signature"] = "v1,bm9wZQ== v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        };
        var at = DateTimeOffset.FromUnixTimeSeconds(1614265330 + 60);

        Assert.True(DocsVerifier.Verify("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", headers, "{\"test\": 2432232314}", at));
        Assert.False(DocsVerifier.Verify("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", headers, "{\"test\": 2432232315}", at));
        Assert.False(DocsVerifier.Verify("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", headers, "{\"test\": 2432232314}", at.AddMinutes(10))); // replayed late
    }

    /// docs/webhooks.md shows exactly the verifier these tests run.
    [Fact]
    public void TheDocsShowTheTestedCSharpVerifier()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../.."));
        var tested = File.ReadAllText(Path.Combine(root, "Ats.Tests/Webhooks/DocsVerifier.cs"));
        var sample = tested[tested.IndexOf("using System.Security", StringComparison.Ordinal)..].Replace("\r\n", "\n").Trim();

        Assert.Contains(sample, File.ReadAllText(Path.Combine(root, "docs/webhooks.md")).Replace("\r\n", "\n"));
    }
}
