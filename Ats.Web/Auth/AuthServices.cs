using Ats.Domain.Data;
using Ats.Domain.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Ats.Web.Auth;

public static class AuthServices
{
    /// Identity with cookies, stored in the domain context; role and tenant travel as claims.
    public static IServiceCollection AddAtsAuthentication(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Ats:SignIn").Get<SignInThrottleSettings>() ?? new SignInThrottleSettings());
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<KnownDevices>();
        services.AddSingleton<Hosting.PublicSite>();
        services.AddScoped<PasswordSignIn>();
        // Reset links (the only Data Protection tokens we mail) are valid for one hour.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(1));
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthStateProvider>();
        services.AddScoped<ActorAccessor>();
        services.AddAuthorization();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationEvaluator, TwoFactorSetupGate>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.AccessDeniedPath = "/account/denied";
            cookie.Cookie.Name = "ats.auth";
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
            cookie.SlidingExpiration = true;
            // Refused only because two-factor set-up is pending (TwoFactorSetupGate): show the set-up page, not "no access".
            var denied = cookie.Events.OnRedirectToAccessDenied;
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                if (!context.HttpContext.User.HasClaim(c => c.Type == AtsClaims.TwoFactorSetupRequired)) return denied(context);
                context.Response.Redirect(TwoFactorSetupRedirect.SetupPath);
                return Task.CompletedTask;
            };
        });
        services.AddSessionLifetime();
        // A deactivated user or a changed role takes effect within a minute, not at cookie expiry.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                PasswordPolicy.Apply(o);
                o.Lockout.MaxFailedAccessAttempts = 10; // wrong second-factor codes only: passwords never lock (SignInThrottle)
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AtsDbContext>()
            .AddSignInManager<AtsSignInManager>()
            .AddClaimsPrincipalFactory<AtsClaimsFactory>()
            .AddDefaultTokenProviders();
        return services;
    }
}
