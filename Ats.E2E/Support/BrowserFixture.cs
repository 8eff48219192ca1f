using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Ats.E2E.Support;

/// One app and one headless Debian Chromium for the whole run; each test opens a fresh browser context.
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private readonly ConcurrentDictionary<IPage, ConcurrentQueue<string>> _cspViolations = new();

    /// Chromium's console reports each thing the Content-Security-Policy refused, and the page fires
    /// securitypolicyviolation; both are recorded for every page, so a test can assert the app ran without one.
    private const string ReportViolations =
        "document.addEventListener('securitypolicyviolation', e => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));";

    public KestrelAppFactory App { get; } = new();
    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        BaseUrl = App.BaseUrl;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("ATS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// A fresh context (cookies, storage) in the given browser language.
    public async Task<IPage> NewPageAsync(string locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, Locale = locale });
        context.SetDefaultTimeout(15_000);
        await context.AddInitScriptAsync(ReportViolations); // init scripts are exempt from the page's policy
        var page = await context.NewPageAsync();
        var violations = _cspViolations.GetOrAdd(page, _ => new ConcurrentQueue<string>());
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal) || message.Text.StartsWith("CSP violation", StringComparison.Ordinal))
                violations.Enqueue($"{page.Url}: {message.Text}");
        };
        return page;
    }

    /// What the Content-Security-Policy refused on this page so far.
    public IReadOnlyCollection<string> CspViolations(IPage page) => _cspViolations.TryGetValue(page, out var found) ? found : [];

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
