using Ats.Domain.Candidates;
using Ats.Domain.Jobs;
using Ats.Domain.Pipeline;
using Ats.Domain.Mail;
using Ats.Domain.Offers;
using Ats.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ats.Tests.Mail;

/// Queued mail leaves through the outbox to a real SMTP server; nothing is lost while the server is down.
public sealed class MailOutboxTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private readonly SmtpServer _smtp = new();
    private readonly SettableClock _clock = new();
    private MailOutbox _outbox = default!;
    private Candidate _candidate = default!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await _smtp.StartAsync();
        var settings = new MailSettings { From = "jobs@a.example", Smtp = new SmtpSettings { Host = "127.0.0.1", Port = _smtp.Port, Security = "none" } };
        _outbox = new MailOutbox(_db.Services.GetRequiredService<IDbContextFactory<Ats.Domain.Data.AtsDbContext>>(), _db.Records,
            MailTransports.From(settings), settings, _clock, NullLogger<MailOutbox>.Instance);
        _candidate = await _db.Records.CreateAsync(_db.Recruiter, new Candidate { FirstName = "Ada", Email = "ada@example.com" });
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await _db.DisposeAsync();
    }

    private Task<Message> QueueAsync(MessageStatus status = MessageStatus.Queued, MessageChannel channel = MessageChannel.Email) =>
        _db.Records.CreateAsync(_db.Recruiter, new Message
        {
            CandidateId = _candidate.Id, Subject = "Your interview", Body = "Hi **Ada**", Status = status, Channel = channel,
        });

    private async Task<Message> StoredAsync(Guid id)
    {
        await using var db = _db.Raw();
        return await db.Messages.IgnoreQueryFilters().SingleAsync(m => m.Id == id);
    }

    [Fact]
    public async Task AQueuedMailIsSentOnceAndMarkedSent()
    {
        var message = await QueueAsync();

        Assert.Equal(1, await _outbox.SendDueAsync());
        Assert.Equal(0, await _outbox.SendDueAsync());

        var received = Assert.Single(_smtp.Received());
        Assert.Equal(("ada@example.com", "Your interview"), (received.To.Mailboxes.Single().Address, received.Subject));
        Assert.Contains("<strong>Ada</strong>", received.HtmlBody);
        Assert.StartsWith($"{message.Id:N}@", received.MessageId); // the same id on every attempt
        var stored = await StoredAsync(message.Id);
        Assert.Equal(MessageStatus.Sent, stored.Status);
        Assert.NotNull(stored.SentAt);
    }

    /// An offer of 65.000 € to Ada, sent: its letter is queued.
    private async Task<Offer> SentOfferAsync()
    {
        var job = await _db.Records.CreateAsync(_db.Recruiter, new Job { Title = "Backend Developer" });
        var application = await _db.Records.CreateAsync(_db.Recruiter, new Application { CandidateId = _candidate.Id, JobId = job.Id, Stage = Stage.Offer });
        var offer = await _db.Records.CreateAsync(_db.Recruiter, new Offer { ApplicationId = application.Id, GrossSalary = 65_000m, StartDate = new DateOnly(2027, 3, 1) });
        return await _db.Records.UpdateAsync<Offer>(_db.Recruiter, offer.Id, null, o => o.Status = OfferStatus.Sent);
    }

    [Fact]
    public async Task ASentOfferReachesTheCandidateWithItsLetterAsPdf()
    {
        await SentOfferAsync();
        await _outbox.SendDueAsync();

        var received = Assert.Single(_smtp.Received());
        var pdf = Assert.Single(received.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal(("ada@example.com", "application/pdf", "Angebot-Ada.pdf"), (received.To.Mailboxes.Single().Address, pdf.ContentType.MimeType, pdf.FileName));
        using var content = new MemoryStream();
        await pdf.Content!.DecodeToAsync(content);
        using var document = UglyToad.PdfPig.PdfDocument.Open(content.ToArray());
        Assert.Contains("65.000,00", string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text)));
    }

    [Fact]
    public async Task AnOfferWithdrawnBeforeItsLetterLeftIsNotMailed()
    {
        var offer = await SentOfferAsync();
        await _db.Records.UpdateAsync<Offer>(_db.Recruiter, offer.Id, null, o => o.Status = OfferStatus.Withdrawn);

        await _outbox.SendDueAsync();

        Assert.Empty(_smtp.Received());
        await using var db = _db.Raw();
        Assert.Equal(MessageStatus.Failed, (await db.Messages.IgnoreQueryFilters().SingleAsync(m => m.OfferId == offer.Id)).Status);
    }

    [Fact]
    public async Task WhileTheServerIsDownTheMailWaitsAndGoesThroughOnceItIsBack()
    {
        var message = await QueueAsync();
        await _smtp.StopAsync();

        Assert.Equal(0, await _outbox.SendDueAsync());
        var waiting = await StoredAsync(message.Id);
        Assert.Equal((MessageStatus.Queued, 1), (waiting.Status, waiting.Attempts));
        Assert.NotNull(waiting.Error);
        Assert.Equal(0, await _outbox.SendDueAsync()); // not due again before its pause is over

        await _smtp.StartAsync();
        _clock.Advance(MailOutbox.Backoff[0]);
        Assert.Equal(1, await _outbox.SendDueAsync());

        Assert.Single(_smtp.Received());
        var sent = await StoredAsync(message.Id);
        Assert.Equal((MessageStatus.Sent, (string?)null), (sent.Status, sent.Error));
    }

    [Fact]
    public async Task AfterTheLastAttemptTheMailIsFailedWithTheServersWords()
    {
        var message = await QueueAsync();
        await _smtp.StopAsync();

        for (var attempt = 0; attempt <= MailOutbox.Backoff.Count; attempt++)
        {
            await _outbox.SendDueAsync();
            _clock.Advance(TimeSpan.FromHours(3));
        }

        var failed = await StoredAsync(message.Id);
        Assert.Equal(MessageStatus.Failed, failed.Status);
        Assert.False(string.IsNullOrWhiteSpace(failed.Error));
    }

    [Fact]
    public async Task DraftsAndRecordedConversationsAreNeverSent()
    {
        await QueueAsync(MessageStatus.Draft);
        await QueueAsync(MessageStatus.Queued, MessageChannel.Note);

        Assert.Equal(0, await _outbox.SendDueAsync());
        Assert.Empty(_smtp.Received());
    }

    [Fact]
    public async Task EnteringAStageWithABoundTemplateSendsExactlyOneMail()
    {
        await _db.Records.CreateAsync(_db.Recruiter, new EmailTemplate
        {
            Name = "Invitation", Subject = "Your interview for {{ job.title }}", Body = "Hi {{ candidate.first_name }}", Stage = Stage.Interview,
        });
        await _db.Records.CreateAsync(_db.Recruiter, new EmailTemplate
        {
            Name = "Paused", Subject = "Not now", Body = "Later", Stage = Stage.Review, Active = false,
        });
        var job = await _db.Records.CreateAsync(_db.Recruiter, new Job { Title = "Data Engineer" });
        var application = await _db.Records.CreateAsync(_db.Recruiter, new Application { CandidateId = _candidate.Id, JobId = job.Id });
        var moves = _db.Services.GetRequiredService<PipelineMoves>();

        await moves.MoveAsync(_db.Recruiter, application.Id, null, Stage.Review, null); // inactive template: nothing
        await moves.MoveAsync(_db.Recruiter, application.Id, null, Stage.Interview, null);
        await moves.MoveAsync(_db.Recruiter, application.Id, null, Stage.Interview, null); // already there: nothing

        Assert.Equal(1, await _outbox.SendDueAsync());
        Assert.Equal(0, await _outbox.SendDueAsync());
        var received = Assert.Single(_smtp.Received());
        Assert.Equal("Your interview for Data Engineer", received.Subject);
        Assert.Contains("Hi Ada", received.TextBody);
        await using var db = _db.Raw();
        Assert.Equal(application.Id, (await db.Messages.IgnoreQueryFilters().SingleAsync()).ApplicationId);
    }
}
