using Ats.Domain.Data;
using Ats.Domain.Offers;
using Ats.Domain.Tokens;
using Ats.Domain.Writes;
using Ats.Web.Api.Access;
using Ats.Web.Api.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Diagnostics;

namespace Ats.Web.Api.Xapi;

/// The public REST API under /xapi2: bearer tokens, problem documents for every error, one set of handlers for all models.
public static class XapiApi
{
    public static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/xapi2");

    private static readonly Dictionary<string, Type> ApiTypes = Ats.Domain.Models.ModelCatalog.All
        .ToDictionary(m => m.Name, m => typeof(ModelApi<>).MakeGenericType(m.EntityType));

    public static IServiceCollection AddXapi(this IServiceCollection services, IConfiguration configuration)
    {
        RateLimits.AddXapiRateLimits(services, configuration);
        services.AddSingleton(configuration.GetSection("Ats:Tokens").Get<TokenSettings>() ?? new TokenSettings());
        services.AddSingleton(sp => new JwtTokens(sp.GetRequiredService<IDbContextFactory<AtsDbContext>>(),
            sp.GetRequiredService<TimeProvider>(), configuration["Ats:Jwt:SigningKey"],
            sp.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(), sp.GetRequiredService<ILogger<JwtTokens>>()));
        services.AddHostedService<SigningKeyStartup>();
        services.AddSingleton<BearerTokens>();
        foreach (var type in ApiTypes.Values) services.AddSingleton(type);
        return services.AddModelOperations();
    }

    /// Errors on /xapi2 are problem documents, never HTML; then the bearer token decides who acts.
    public static void UseXapi(this IApplicationBuilder app) => app.UseWhen(IsApi, api =>
    {
        // Integrators get English unless they ask for German; the app's own default (German) is for people.
        api.Use((http, next) =>
        {
            if (!http.Request.Headers.AcceptLanguage.ToString().StartsWith("de", StringComparison.OrdinalIgnoreCase))
                System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture =
                    System.Globalization.CultureInfo.GetCultureInfo("en-GB");
            return next(http);
        });
        api.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteUnexpectedAsync });
        api.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var (code, detail) = http.Response.StatusCode switch
            {
                404 => ("not_found", "No such route. See /xapi2/docs."),
                405 => ("method_not_allowed", $"{http.Request.Method} is not allowed here."),
                _ => ("error", "The request failed."),
            };
            await Problems.WriteAsync(http, http.Response.StatusCode, code, detail);
        });
        api.Use((http, next) =>
        {
            var limits = http.RequestServices.GetRequiredService<RateLimits>();
            http.Response.OnStarting(() => { limits.AddHeaders(http); return Task.CompletedTask; });
            return next(http);
        });
        api.UseRateLimiter(); // before the token is checked: guessing tokens is limited too
        api.UseMiddleware<BearerAuthentication>();
    });

    public static IEndpointRouteBuilder MapXapi(this IEndpointRouteBuilder app)
    {
        // The offer letter, as the app shows it; needs offer:read and candidate:read (it names where the candidate lives).
        app.MapMethods("/xapi2/data/offer/{id}/pdf", Read, async (string id, HttpContext http, RecordService records, TimeProvider clock) =>
            {
                var letter = await OfferLetters.RenderAsync(records, http.Actor(), ParseId(id), clock.GetUtcNow().UtcDateTime, http.RequestAborted)
                    ?? throw new NotFoundException("offer", ParseId(id));
                http.Response.Headers.CacheControl = "no-store";
                return Results.File(letter.Content, "application/pdf", letter.FileName);
            })
            .AddEndpointFilter(TranslateErrors);
        var data = app.MapGroup("/xapi2/data/{model}").AddEndpointFilter(TranslateErrors);
        data.MapMethods("", Read, (string model, HttpContext http) => With(http, model, api => api.ListAsync(http)));
        data.MapPost("", (string model, HttpContext http) => With(http, model, api => api.CreateAsync(http)));
        data.MapMethods("/{id}", Read, (string model, string id, HttpContext http) => With(http, model, api => api.GetAsync(http, ParseId(id))));
        data.MapPatch("/{id}", (string model, string id, HttpContext http) => With(http, model, api => api.UpdateAsync(http, ParseId(id))));
        data.MapDelete("/{id}", (string model, string id, HttpContext http) => With(http, model, api => api.DeleteAsync(http, ParseId(id))));
        TokenApi.Map(app.MapGroup("/xapi2").AddEndpointFilter(TranslateErrors));
        WebhookApi.Map(app.MapGroup("/xapi2/webhooks").AddEndpointFilter(TranslateErrors));
        var openApi = OpenApiDocument.Build().ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        app.MapMethods("/xapi2/openapi.json", Read, () => Results.Text(openApi, "application/json"));
        return app;
    }

    /// HEAD answers like GET without the body (the server drops it), as HTTP expects of every readable resource.
    private static readonly string[] Read = [HttpMethods.Get, HttpMethods.Head];

    private static Task<IResult> With(HttpContext http, string model, Func<IModelApi, Task<IResult>> handle)
    {
        var type = ApiTypes.GetValueOrDefault(model)
            ?? throw new BodyException(404, "unknown_model", $"There is no model '{model}'. Models: " + string.Join(", ", ApiTypes.Keys) + ".");
        return handle((IModelApi)http.RequestServices.GetRequiredService(type));
    }

    private static Guid ParseId(string id) =>
        Guid.TryParse(id, out var value) ? value : throw new BodyException(400, "invalid_id", $"'{id}' is not a UUID.");

    private static async ValueTask<object?> TranslateErrors(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            return await next(context);
        }
        catch (BodyException ex)
        {
            return Problems.Of(http, ex.Status, ex.Code, ex.Message, ex.Errors);
        }
        catch (DomainException ex)
        {
            return Problems.From(http, ex, IfMatch.WasSent(http));
        }
        catch (BadHttpRequestException ex)
        {
            return Problems.Of(http, ex.StatusCode, "bad_request", ex.Message);
        }
    }

    private static Task WriteUnexpectedAsync(HttpContext http) =>
        Problems.WriteAsync(http, 500, "internal_error", "Something went wrong on our side. Quote the trace_id when you report it.");
}
