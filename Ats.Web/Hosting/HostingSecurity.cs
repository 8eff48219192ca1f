using Microsoft.AspNetCore.CookiePolicy;

namespace Ats.Web.Hosting;

/// Proxies, transport security, cookie flags and response headers: what sits in front of everything else.
public static class HostingSecurity
{
    public static WebApplicationBuilder AddHostingSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddForwardedHeaders(builder.Configuration);
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        // Every cookie (sign-in, antiforgery, language) is Secure outside Development: it never travels over plain HTTP.
        builder.Services.AddOptions<CookiePolicyOptions>().Configure<IHostEnvironment>((o, environment) =>
            o.Secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        return builder;
    }

    /// First in the pipeline: the client's address and scheme are known before anything looks at them.
    public static WebApplication UseHostingSecurity(this WebApplication app)
    {
        if (ForwardedHeadersSetup.Configured(app.Configuration)) app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseCookiePolicy();
        return app;
    }
}
