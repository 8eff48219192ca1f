using System.Globalization;
using Ats.Domain.Writes;

namespace Ats.Web.Components.Shared;

/// Keeps a component's data current with the change feed. A matching change schedules one reload on the component's
/// dispatcher; changes arriving while it runs cause exactly one more, so reloads never overlap and an older one never
/// lands last; nothing runs once the component is gone; a failing reload is logged instead of vanishing. The reload runs
/// in the viewer's language and formats, not those of whoever made the change (the outbox, an API call).
public sealed class LiveUpdates(ChangeFeed feed, ILogger<LiveUpdates> logger)
{
    /// <param name="matches">Runs on the writer's thread for every change of the actor's organisation: keep it cheap.</param>
    /// <param name="dispatch">The component's InvokeAsync.</param>
    /// <param name="reload">Reads again and re-renders.</param>
    public IDisposable Watch(Actor actor, Func<ChangeEvent, bool> matches, Func<Func<Task>, Task> dispatch, Func<Task> reload)
    {
        var watch = new Watcher(dispatch, reload, CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture, logger);
        watch.Subscription = feed.Subscribe(change =>
        {
            if (change.TenantId == actor.TenantId && matches(change)) watch.Schedule();
        });
        return watch;
    }

    private sealed class Watcher(Func<Func<Task>, Task> dispatch, Func<Task> reload, CultureInfo culture, CultureInfo uiCulture,
        ILogger logger) : IDisposable
    {
        private readonly Lock _gate = new();
        private bool _running, _again, _disposed;

        public IDisposable? Subscription { get; set; }

        public void Schedule()
        {
            lock (_gate)
            {
                if (_disposed) return;
                if (_running) { _again = true; return; }
                _running = true;
            }
            _ = RunAsync();
        }

        private async Task RunAsync()
        {
            // Started on the writer's thread: take on the viewer's culture before anything renders (it flows into the dispatch).
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
            while (true)
            {
                try
                {
                    await dispatch(() => IsDisposed ? Task.CompletedTask : reload());
                }
                catch (Exception ex) when (!IsDisposed)
                {
                    logger.LogWarning(ex, "A live reload failed");
                }
                catch
                {
                    // The component is gone; what it would have shown does not matter.
                }
                lock (_gate)
                {
                    if (_disposed || !_again) { _running = false; return; }
                    _again = false;
                }
            }
        }

        private bool IsDisposed { get { lock (_gate) return _disposed; } }

        public void Dispose()
        {
            lock (_gate) _disposed = true;
            Subscription?.Dispose();
        }
    }
}
