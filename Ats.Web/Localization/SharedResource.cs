namespace Ats.Web;

/// Marker for the UI's one resource file. Keys are the English texts; Resources/SharedResource.de.resx has German.
public sealed class SharedResource;
