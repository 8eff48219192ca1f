using Ats.Domain.Models;

namespace Ats.Web.Api.Operations;

/// The operations of every public model by its wire name: the one place each transport (REST, the socket, next MCP
/// and /v1) finds them.
public static class ModelCatalogOperations
{
    private static readonly Dictionary<string, Type> Types = ModelCatalog.All
        .ToDictionary(m => m.Name, m => typeof(ModelOperations<>).MakeGenericType(m.EntityType));

    /// The operations of a model by its wire name, or null for a name that is no model.
    public static IModelOperations? Operations(IServiceProvider services, string model) =>
        Types.GetValueOrDefault(model) is { } type ? (IModelOperations)services.GetRequiredService(type) : null;

    public static IReadOnlyCollection<string> ModelNames => Types.Keys;

    public static IServiceCollection AddModelOperations(this IServiceCollection services)
    {
        foreach (var type in Types.Values) services.AddSingleton(type);
        return services;
    }
}
