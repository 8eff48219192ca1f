using System.Globalization;
using System.Text;
using Ats.Domain.Candidates;
using Ats.Domain.Common;
using Ats.Domain.Data;
using Ats.Domain.Identity;
using Ats.Domain.Interviews;
using Ats.Domain.Jobs;
using Ats.Domain.Mail;
using Ats.Domain.Notes;
using Ats.Domain.Offers;
using Ats.Domain.Pipeline;
using Ats.Domain.Scorecards;
using Ats.Domain.Sources;
using Ats.Domain.Tasks;
using Ats.Domain.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ats.Domain.Demo;

/// The demo's notes and tasks.
public sealed partial class DemoSeeder
{
    private sealed partial class Builder
    {
        private void AddNotes()
        {
            var posted = jobs.Where(j => j.Job.Status != JobStatus.Draft).ToList();
            for (var i = 0; i < posted.Count; i++)
            {
                var job = posted[i].Job;
                var author = job.HiringManagerIds.Contains(Manager) ? Manager : Recruiter;
                AddNote(ParentKind.Job, job.Id, job.CreatedAt, Fill(DemoData.JobNotes[i % DemoData.JobNotes.Length], null, job), author, i % 4 == 0);
            }

            var noted = PickSome(candidates, 20);
            for (var i = 0; i < noted.Count; i++)
            {
                var candidate = noted[i];
                AddNote(ParentKind.Candidate, candidate.Id, candidate.CreatedAt, Fill(Pick(DemoData.CandidateNotes), candidate, null), Recruiter, i % 7 == 0);
            }

            var discussed = PickSome(applications.Where(a => a.Stage != Stage.New).ToList(), 30);
            for (var i = 0; i < discussed.Count; i++)
            {
                var application = discussed[i];
                // Hiring managers write on their own jobs only.
                var author = OnManagersJob(application) && Chance(0.5) ? Manager : Recruiter;
                AddNote(ParentKind.Application, application.Id, application.CreatedAt, Fill(Pick(DemoData.ApplicationNotes), application), author, i % 8 == 0);
            }
        }

        private void AddNote(ParentKind kind, Guid parentId, DateTime parentCreated, string body, Guid author, bool pinned)
        {
            var created = Between(parentCreated, now.AddMinutes(-10));
            var updated = Chance(0.2) ? Between(created, now) : created;
            Add(new ApplicationNote { ParentKind = kind, ParentId = parentId, Body = body, Pinned = pinned, AuthorId = author }, created, updated);
        }

        private bool OnManagersJob(Application application) => jobById[application.JobId].Job.HiringManagerIds.Contains(Manager);

        private void AddTasks()
        {
            // 6 overdue, 8 due soon, 4 later, 7 done: enough for every list and filter to show something.
            var timings = new Queue<int>(Shuffle<int>([.. Enumerable.Repeat(0, 6), .. Enumerable.Repeat(1, 8), .. Enumerable.Repeat(2, 4), .. Enumerable.Repeat(3, 7)]));

            for (var i = 0; i < 16; i++)
            {
                var (stage, title) = DemoData.ApplicationTasks[i % DemoData.ApplicationTasks.Length];
                var inStage = applications.Where(a => a.Stage == stage).ToList();
                var forManager = i % 3 == 0 && inStage.Any(OnManagersJob);
                var application = Pick(forManager ? inStage.Where(OnManagersJob).ToList() : inStage);
                var assignee = forManager ? Manager : Chance(0.75) ? Recruiter : users["admin"].Id;
                AddTask(Fill(title, application), ParentKind.Application, application.Id, application.CreatedAt, assignee, timings.Dequeue());
            }
            foreach (var title in DemoData.CandidateTaskTitles)
            {
                var candidate = Pick(candidates);
                AddTask(Fill(title, candidate, null), ParentKind.Candidate, candidate.Id, candidate.CreatedAt, Recruiter, timings.Dequeue());
            }
            foreach (var title in DemoData.JobTaskTitles)
            {
                var job = Pick(jobs.Where(j => j.Job.Status == JobStatus.Open).ToList()).Job;
                var assignee = job.HiringManagerIds.Contains(Manager) ? Manager : Recruiter;
                AddTask(Fill(title, null, job), ParentKind.Job, job.Id, job.CreatedAt, assignee, timings.Dequeue());
            }
            foreach (var title in DemoData.LooseTaskTitles.Take(2))
                AddTask(title, null, null, now.AddDays(-30), users["admin"].Id, timings.Dequeue());
        }

        private void AddTask(string title, ParentKind? kind, Guid? parentId, DateTime parentCreated, Guid assignee, int timing)
        {
            var due = timing switch
            {
                0 => now.AddDays(-Uniform(0.5, 6)),
                1 => now.AddHours(Uniform(2, 72)),
                2 => now.AddDays(Uniform(4, 14)),
                _ => now.AddDays(-Uniform(1, 20)),
            };
            due = new DateTime(due.Year, due.Month, due.Day, due.Hour, 15 * (due.Minute / 15), 0, DateTimeKind.Utc);
            var created = Max(parentCreated, Min(due.AddDays(-Uniform(1, 7)), now.AddHours(-1)));
            var task = new TaskItem { Title = title, ParentKind = kind, ParentId = parentId, DueAt = due, AssignedTo = assignee };
            if (timing == 3)
            {
                task.Completed = true;
                task.CompletedAt = Min(Between(created, due.AddDays(1)), now);
            }
            Add(task, created, task.CompletedAt ?? created);
        }
    }
}
