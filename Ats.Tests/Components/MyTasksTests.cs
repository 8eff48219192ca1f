using Ats.Domain.Tasks;
using Ats.Tests.Support;
using Ats.Web.Components.Layout;
using Ats.Web.Components.Pages.Tasks;
using Bunit;
using Microsoft.EntityFrameworkCore;

namespace Ats.Tests.Components;

/// "My tasks": a person's open tasks, overdue first and marked, and their count in the navigation.
public sealed class MyTasksTests : MudTestContext
{
    private TaskItem _overdue = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var me = Database.RecruiterA.Id;
        await Database.Records.CreateAsync(Database.Recruiter, new TaskItem { Title = "Whenever", AssignedTo = me });
        await Database.Records.CreateAsync(Database.Recruiter, new TaskItem { Title = "Tomorrow", AssignedTo = me, DueAt = DateTime.UtcNow.AddDays(1) });
        _overdue = await Database.Records.CreateAsync(Database.Recruiter, new TaskItem { Title = "Yesterday", AssignedTo = me, DueAt = DateTime.UtcNow.AddDays(-1) });
        await Database.Records.CreateAsync(Database.Recruiter, new TaskItem { Title = "Someone else's", AssignedTo = Database.AdminA.Id });
        await Database.Records.CreateAsync(Database.Recruiter, new TaskItem { Title = "Done already", AssignedTo = me, Completed = true });
    }

    [Fact]
    public async Task OpenTasksAreListedOverdueFirstAndMarked()
    {
        using var _ = Culture.English();
        var page = Render<MyTaskList>();
        await page.WaitForStateAsync(() => page.FindAll("[data-testid=task-row]").Count == 3);

        var rows = page.FindAll("[data-testid=task-row]");
        Assert.Equal(["Yesterday", "Tomorrow", "Whenever"], rows.Select(r => r.QuerySelector("[data-testid=task-title]")!.TextContent.Trim()));
        Assert.Equal(["true", "false", "false"], rows.Select(r => r.GetAttribute("data-overdue")));
        Assert.Contains("Overdue since", rows[0].TextContent);
    }

    [Fact]
    public async Task TickingATaskDoneRemovesItAndTheNavigationCountFollows()
    {
        using var _ = Culture.English();
        var nav = Render<NavMenu>();
        await nav.WaitForStateAsync(() => nav.FindAll("[data-testid=nav-task-count]").Count == 1);
        Assert.Equal("3", nav.Find("[data-testid=nav-task-count]").TextContent.Trim());
        var page = Render<MyTaskList>();
        await page.WaitForStateAsync(() => page.FindAll("[data-testid=task-row]").Count == 3);

        await page.Find("[data-testid=task-done]").ChangeAsync(new() { Value = true });

        await page.WaitForStateAsync(() => page.FindAll("[data-testid=task-row]").Count == 2);
        nav.WaitForAssertion(() => Assert.Equal("2", nav.Find("[data-testid=nav-task-count]").TextContent.Trim()));
        await using var db = Database.Raw();
        Assert.True(db.Tasks.IgnoreQueryFilters().Single(t => t.Id == _overdue.Id).Completed);
    }
}
