namespace Ats.Web.Hosting;

/// The address that links in mails point to (invitations, password reset links). `Ats:PublicUrl` when it is set;
/// otherwise the address the browser used, which the browser itself supplies: an admin could make the links of the
/// mails they trigger point to a host of their own, so production sets `Ats:PublicUrl` (docs/security.md).
public sealed class PublicSite
{
    private readonly string? _configured;

    public PublicSite(IConfiguration configuration)
    {
        if (configuration["Ats:PublicUrl"] is not { Length: > 0 } url) return;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            throw new InvalidOperationException($"Ats:PublicUrl must be the app's absolute http(s) address without query, such as https://ats.example.com; it is '{url}'.");
        _configured = url.TrimEnd('/');
    }

    /// The site's address without a trailing slash; <paramref name="browserBase"/> (NavigationManager.BaseUri) only when none is configured.
    public string Base(string browserBase) => _configured ?? browserBase.TrimEnd('/');
}
