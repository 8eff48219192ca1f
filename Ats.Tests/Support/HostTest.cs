namespace Ats.Tests.Support;

/// A test class with its own host on its own temporary SQLite file.
public abstract class HostTest(bool seedDemoData, IReadOnlyDictionary<string, string>? settings = null) : IAsyncLifetime
{
    private readonly string _path = AppFactory.NewDatabasePath();

    protected AppFactory App { get; private set; } = default!;

    public Task InitializeAsync()
    {
        App = new AppFactory(_path, seedDemoData, settings);
        return Task.CompletedTask;
    }

    /// Stops the host and starts a new one on the same file.
    protected async Task RestartAsync()
    {
        await App.DisposeAsync();
        App = new AppFactory(_path, seedDemoData, settings);
        _ = App.Server;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        AppFactory.DeleteDatabase(_path);
    }
}
