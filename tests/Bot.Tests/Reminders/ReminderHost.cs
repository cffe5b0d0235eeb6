using Bot.Host.Storage.LiteDb;
using Bot.Dialogs;
using Bot.Dialogs.Activities;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Bot.Host.Web.SignedLinks;

namespace Bot.Tests.Reminders;

/// <summary>
/// The real conversation layer over a LiteDB file with a fake clock and a recording channel, plus builders for
/// the people and commitments reminders need. Dispose and build again over the same folder to restart.
/// </summary>
internal sealed class ReminderHost : IDisposable
{
    private readonly ServiceProvider _services;

    public ReminderHost(string folder, FakeTimeProvider time, IDictionary<string, string?>? settings = null, RecordingChannel? channel = null)
    {
        Time = time;
        Channel = channel ?? new RecordingChannel();
        var values = new Dictionary<string, string?> { ["Storage:DataDirectory"] = folder };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IChannelSender>(Channel);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        services.AddBotDialogs(configuration);
        services.AddLiteDbStorage(configuration);
        services.AddSignedLinks();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        // The sweep notes when the process started (what fell due before is catch-up): start it with the host.
        Sweep = Get<ReminderSweep>();
    }

    public ReminderSweep Sweep { get; }

    /// <summary>Moves the clock to <paramref name="utc"/> and runs one sweep.</summary>
    public Task<SweepResult> SweepAtAsync(DateTime utc)
    {
        Time.SetUtcNow(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
        return Sweep.SweepAsync(Support.TestContext.Token);
    }

    public FakeTimeProvider Time { get; }

    public RecordingChannel Channel { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public Organisation AddOrganisation(string shortName, string zone) =>
        Get<IOrganisationStore>().Insert(new Organisation { Name = "Dinas " + shortName, ShortName = shortName, TimeZone = zone });

    /// <summary>A user who has spoken once on the test channel, so a conversation reference exists.</summary>
    public BotUser AddUser(string account, Role role, int? organisationId, string? zone = null, string locale = "id-ID")
    {
        var users = Get<IUserStore>();
        var user = users.GetOrCreate(TurnProcessor.UserKey("test", account), "User " + account, locale);
        user.Role = role;
        user.OrganisationId = organisationId;
        user.TimeZone = zone;
        users.Update(user);
        Get<IConversationReferenceStore>().Save(
            new ConversationReference
            {
                ChannelId = "test",
                ServiceUrl = "https://test.example/",
                Conversation = new ConversationAccount { Id = "conv-" + account },
                User = new ChannelAccount { Id = account },
                Bot = new ChannelAccount { Id = "bot", Name = "Sinergi" },
                Locale = locale,
            },
            TurnProcessor.UserKey("test", account));
        return user;
    }

    public Commitment Register(int organisationId, string userId, DateOnly deadline, params ReportingPeriod[] periods) =>
        Get<ICommitmentStore>().Register(NewCommitment(organisationId, deadline, periods), userId);

    /// <summary>A school outreach commitment of the OPD with the given deadline and reporting periods.</summary>
    public static Commitment NewCommitment(int organisationId, DateOnly deadline, params ReportingPeriod[] periods) => new()
    {
        OrganisationId = organisationId,
        Year = deadline.Year,
        FocusArea = FocusArea.Pencegahan,
        Programme = Programme.SosialisasiAdvokasi,
        Title = "Sosialisasi P4GN di sekolah",
        OutputIndicator = "peserta",
        TargetValue = 100,
        Unit = "orang",
        Location = "Kandangan",
        Deadline = deadline,
        Periods = [.. periods],
    };

    public ProgressReport Submit(Commitment commitment, ReportingPeriod period, string userId) =>
        Get<IProgressReportStore>().Save(new ProgressReport
        {
            CommitmentId = commitment.Id,
            OrganisationId = commitment.OrganisationId,
            Period = period,
            RealisationValue = 100,
            RealisationPercent = 100,
            Narrative = "selesai",
            State = ReportState.Submitted,
            SubmittedBy = userId,
            SubmittedAt = Time.GetUtcNow().UtcDateTime,
        });

    public void Dispose() => _services.Dispose();
}
