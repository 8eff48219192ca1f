using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Ats.Domain;
using Ats.Domain.Candidates;
using Ats.Domain.Data;
using Ats.Domain.Demo;
using Ats.Domain.Identity;
using Ats.Domain.Jobs;
using Ats.Domain.Pipeline;
using Ats.Domain.Writes;
using Ats.Web.Auth;
using Ats.Web.Components.Pages.Board;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MudBlazor.Services;

namespace Ats.Benchmarks;

/// Issue 4: a job with 2,000 applications. Measures the board's first render on the server (the real component over
/// the real domain and SQLite, rendered by Blazor's renderer through bUnit, no browser) and a move until it is persisted.
/// With <see cref="BoardOptions.HiringManagers"/> the tenant also has that many hiring managers, each on a few jobs, whose
/// access every write has to work out for the live channel's "leave" events.
public static class BoardBenchmark
{
    public static async Task<int> RunAsync(string database, BoardOptions options)
    {
        var result = await MeasureAsync(database, options);
        Console.WriteLine($"Board of one job with {options.Applications:N0} applications ({result.VisibleCards} cards rendered, 50 per column at most), "
            + $"{options.HiringManagers} extra hiring managers.");
        Console.WriteLine("| measurement | runs | p50 | p95 | max |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        if (result.Renders.Count > 0) Console.WriteLine(Row("first render on the server (query + render)", result.Renders));
        Console.WriteLine(Row("move persisted (PipelineMoves.MoveAsync)", result.Moves));
        return 0;
    }

    /// Throws when a render shows another number of cards than the job has visible, or a move does not persist.
    public static async Task<BoardResult> MeasureAsync(string database, BoardOptions options)
    {
        foreach (var file in new[] { database, database + "-wal", database + "-shm" }) File.Delete(file);
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddAtsDomain($"Data Source={database}");
        services.AddIdentityCore<AppUser>(PasswordPolicy.Apply).AddRoles<Microsoft.AspNetCore.Identity.IdentityRole<Guid>>().AddEntityFrameworkStores<AtsDbContext>();
        await using var domain = services.BuildServiceProvider();
        await domain.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemoData: true);
        var (recruiter, jobId) = await SeedAsync(domain, options);

        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
        await using var context = new BunitContext();
        context.Services.AddMudServices();
        context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        context.Services.AddScoped<ActorAccessor>();
        context.Services.AddScoped<Ats.Web.Components.Shared.LiveUpdates>();
        context.Services.AddSingleton(domain.GetRequiredService<RecordService>());
        context.Services.AddSingleton(domain.GetRequiredService<PipelineMoves>());
        context.Services.AddSingleton(domain.GetRequiredService<BoardQuery>());
        context.Services.AddSingleton(domain.GetRequiredService<ChangeFeed>());
        var auth = context.AddAuthorization();
        auth.SetAuthorized(recruiter.Name);
        auth.SetRoles(recruiter.Role);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, recruiter.UserId!.Value.ToString()),
            new Claim(AtsClaims.TenantId, recruiter.TenantId.ToString()), new Claim(AtsClaims.DisplayName, recruiter.Name));
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var visible = await VisibleCardsAsync(domain, recruiter, jobId);
        var renders = new List<double>();
        for (var i = 0; i < (options.Renders == 0 ? 0 : options.Renders + options.WarmUps); i++)
        {
            var clock = Stopwatch.StartNew();
            var board = context.Render<Board>(p => p.Add(b => b.Id, jobId));
            // Counted in the render tree: reading the DOM here would time bUnit's HTML parser, not the server's render.
            board.WaitForState(() => board.FindComponents<BoardCard>().Count == visible, TimeSpan.FromSeconds(60));
            var elapsed = clock.Elapsed.TotalMilliseconds;
            if (i >= options.WarmUps) renders.Add(elapsed); // the first renders warm up the JIT and the query cache
            var shown = board.FindAll("[data-testid=board-card]").Count;
            if (shown != visible) throw new InvalidOperationException($"The board rendered {shown} cards, not {visible}.");
            board.Dispose();
        }

        var moves = new List<double>();
        var pipeline = domain.GetRequiredService<PipelineMoves>();
        var records = domain.GetRequiredService<RecordService>();
        var random = new Random(5);
        var cards = await records.ReadAsync<Application, List<Guid>>(recruiter, (rows, _) => rows.Where(a => a.JobId == jobId).Select(a => a.Id).ToListAsync());
        for (var i = 0; i < options.Moves + options.MoveWarmUps;)
        {
            var card = (await records.FindAsync<Application>(recruiter, cards[random.Next(cards.Count)]))!;
            if (card.Stage.IsFinal()) continue;
            var stage = (Stage)random.Next((int)Stage.Offer + 1);
            var column = await records.ReadAsync<Application, List<Guid>>(recruiter, (rows, _) =>
                rows.Where(a => a.JobId == jobId && a.Stage == stage && a.Id != card.Id).OrderBy(a => a.KanbanPosition).Select(a => a.Id).ToListAsync());
            var after = column.Count == 0 || random.Next(4) == 0 ? (Guid?)null : column[random.Next(column.Count)];
            var clock = Stopwatch.StartNew();
            await pipeline.MoveAsync(recruiter, card.Id, card.Version, stage, after);
            if (i++ >= options.MoveWarmUps) moves.Add(clock.Elapsed.TotalMilliseconds);
            var moved = (await records.FindAsync<Application>(recruiter, card.Id))!;
            if (moved.Stage != stage) throw new InvalidOperationException($"The move of {card.Id} did not persist.");
        }
        return new BoardResult(visible, renders, moves);
    }

    private static string Row(string name, List<double> samples)
    {
        samples.Sort();
        double At(double q) => samples[(int)Math.Min(samples.Count - 1, Math.Ceiling(q * samples.Count) - 1)];
        return $"| {name} | {samples.Count} | {At(0.5):F1} ms | {At(0.95):F1} ms | {samples[^1]:F1} ms |";
    }

    /// One job, its candidates and their applications spread over the eight stages, ranked per column; the hiring managers.
    private static async Task<(Actor Recruiter, Guid JobId)> SeedAsync(IServiceProvider domain, BoardOptions options)
    {
        var factory = domain.GetRequiredService<IDbContextFactory<AtsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        db.SystemWrite("benchmark seed"); // bulk sample data, like the demo seed
        var user = await db.Users.SingleAsync(u => u.Email == DemoSeeder.RecruiterEmail);
        var recruiter = new Actor(user.Id, user.TenantId, Roles.Recruiter, user.DisplayName, Channel.Ui);
        var job = await domain.GetRequiredService<RecordService>().CreateAsync(recruiter, new Job { Title = "Board benchmark" });
        db.TenantId = user.TenantId;
        var random = new Random(3);
        var now = DateTime.UtcNow;
        var applications = new List<Application>();
        for (var i = 0; i < options.Applications; i++)
        {
            var candidate = new Candidate
            {
                TenantId = user.TenantId, FirstName = $"Board{i}", LastName = "Kandidat", Email = $"board{i}@example.com",
                Tags = i % 3 == 0 ? ["kotlin"] : [], CreatedAt = now, UpdatedAt = now, Version = 1,
            };
            candidate.RefreshDerivedFields();
            db.Candidates.Add(candidate);
            var stage = (Stage)random.Next(8);
            applications.Add(new Application
            {
                TenantId = user.TenantId, CandidateId = candidate.Id, JobId = job.Id, Stage = stage, FitScore = random.Next(30, 100),
                RejectionReason = stage == Stage.Rejected ? "Benchmark" : null, StageChangedAt = now.AddDays(-random.Next(60)),
                CreatedAt = now, UpdatedAt = now, Version = 1,
            });
        }
        foreach (var column in applications.GroupBy(a => a.Stage))
        {
            var ranks = Rank.Spread(column.Count());
            foreach (var (application, rank) in column.Zip(ranks)) application.KanbanPosition = rank;
        }
        db.Applications.AddRange(applications);
        await db.SaveChangesAsync();
        await HiringManagers.SeedAsync(db, domain.GetRequiredService<RecordService>(), recruiter, job.Id, options.HiringManagers);
        return (recruiter, job.Id);
    }

    private static Task<int> VisibleCardsAsync(IServiceProvider domain, Actor recruiter, Guid jobId) =>
        domain.GetRequiredService<RecordService>().ReadAsync<Application, int>(recruiter, async (rows, _) =>
            (await rows.Where(a => a.JobId == jobId).GroupBy(a => a.Stage).Select(g => g.Count()).ToListAsync())
                .Sum(count => Math.Min(count, Board.PageSize)));
}
