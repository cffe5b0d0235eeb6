using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Bot.Dialogs.Commitments;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Storage;
using Bot.Host.Storage.LiteDb;
using Bot.Tests.Support;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Bot.Tests.Reliability;

/// <summary>
/// kill -9 during a load of concurrent registrations, then a restart on the same data folder: every conversation
/// whose last reply said "Tersimpan sebagai RA-…" still has that commitment, no commitment is saved twice, and
/// every conversation cut off mid-form continues at the right question. bench/crash-test.sh runs this in a loop.
/// </summary>
public sealed partial class CrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private const int Fokals = 8;
    /// <summary>
    /// The registration, answer by answer. The host runs in its own process on the real clock, so from October (when
    /// the form asks the plan year) the script answers that question too: the first year offered.
    /// </summary>
    private static readonly (string Answer, string Expect)[] Steps = [.. RegistrationSteps()];

    private static IEnumerable<(string Answer, string Expect)> RegistrationSteps()
    {
        (string, string)[] start =
        [
            ("rencana aksi baru", "fokus"), ("Pencegahan", "Program"), ("Sosialisasi", "judul"), ("{title}", "indikator"),
            ("jumlah peserta", "target"), ("100 orang", "lokasi"), ("Kandangan", "anggaran"),
        ];
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), IndonesianTimeZones.Find(IndonesianTimeZones.Wita)).DateTime);
        (string, string)[] year = CommitmentPrompts.PlanYears(today).Count > 1 ? [("lewati", "tahun rencana"), ("1", "tenggat")] : [("lewati", "tenggat")];
        (string, string)[] end = [("31/12", "periode"), ("B6 dan B12", "Ringkasan"), ("ya", "Tersimpan sebagai")];
        return [.. start, .. year, .. end];
    }

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Bot__Coordinators__0"] = "test|koord",
        ["RateLimit__TurnsPerMinute"] = "0", // the fokal here answer at machine speed
    };

    private readonly TempDirectory _data = new();

    [Fact]
    public async Task AKilledHostKeepsEverySavedCommitmentAndResumesEveryForm()
    {
        var token = TestContext.Token;
        var tracks = new ConcurrentBag<Track>();
        using (var host = await HostProcess.StartAsync(_data.Path, Settings, token))
        {
            await EnrolAsync(host, token);
            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, Fokals).Select(f => Task.Run(() => RegisterUntilKilledAsync(host, f, tracks, stop.Token), token)).ToList();

            // Kill once a few commitments were saved, at a moment unrelated to any turn's boundary.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (tracks.Count(t => t.SavedCode is not null) < 2 * Fokals && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, token);
            }

            await Task.Delay(Random.Shared.Next(5, 60), token);
            host.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(workers);
        }

        var saved = tracks.Where(t => t.SavedCode is not null).ToList();
        Assert.True(saved.Count >= 2 * Fokals, $"only {saved.Count} commitments were saved before the kill");
        var cutOff = tracks.Where(t => t.SavedCode is null).ToList();

        using (var host = await HostProcess.StartAsync(_data.Path, Settings, token))
        {
            foreach (var track in saved)
            {
                var shown = await host.SayAsync("show-" + track.ConversationId, track.UserId, "show-" + track.ConversationId, "lihat " + track.SavedCode, token);
                Assert.Contains(track.SavedCode!, shown, StringComparison.Ordinal);
                Assert.Contains(track.Title, shown, StringComparison.Ordinal);
            }

            var alreadyCommitted = 0;
            foreach (var track in cutOff)
            {
                alreadyCommitted += await ResumeAsync(host, track, token) ? 1 : 0;
            }

            output.WriteLine($"crash summary: {saved.Count} saved before the kill, {cutOff.Count} cut off mid-form ({alreadyCommitted} of them had their in-flight turn committed before the kill, {cutOff.Count - alreadyCommitted} ran it again after the restart)");

            // Reminders across a kill -9 (none lost, none twice per channel) have their own test, ReminderCrashTests,
            // which kills the host while the sweep is sending; here the outbox only has to agree with the commitments.
            host.Kill();
        }

        using var database = new SinergiDatabase(Options.Create(new StorageOptions { DataDirectory = _data.Path }));
        var commitments = new LiteDbCommitmentStore(database, TimeProvider.System, []).ListAll();
        foreach (var group in commitments.GroupBy(c => c.Title))
        {
            Assert.True(group.Count() == 1, $"'{group.Key}' was saved {group.Count()} times");
        }

        foreach (var track in saved)
        {
            Assert.Equal(track.Title, commitments.Single(c => c.Code == track.SavedCode).Title);
        }

        foreach (var track in cutOff.Where(t => t.Finished))
        {
            Assert.Single(commitments, c => c.Title == track.Title);
        }

        // Each commitment saved has its reminders planned once: rows are keyed, and none belongs to a commitment
        // the crash rolled back.
        var outbox = new LiteDbReminderOutbox(database, new LiteDbReminderClaims(database)).All();
        var ids = commitments.Select(c => c.Id).ToHashSet();
        Assert.All(outbox, r => Assert.Contains(r.CommitmentId, ids));
        Assert.All(commitments, c => Assert.Contains(outbox, r => r.CommitmentId == c.Id));
    }

    public void Dispose() => _data.Dispose();

    private static async Task EnrolAsync(HostProcess host, CancellationToken token)
    {
        for (var f = 0; f < Fokals; f++)
        {
            var added = await host.SayAsync("koord-conv", "koord", $"add-{f}", $"tambah opd Dinas Uji {f}", token);
            Assert.Contains("tersimpan", added, StringComparison.OrdinalIgnoreCase);
            var invite = await host.SayAsync("koord-conv", "koord", $"invite-{f}", $"undang Dinas Uji {f}", token);
            var code = InviteCode().Match(invite);
            Assert.True(code.Success, invite);
            var asked = await host.SayAsync($"join-{f}", $"fokal{f}", $"join-{f}", "gabung " + code.Groups[1].Value, token);
            Assert.Contains("nama", asked, StringComparison.OrdinalIgnoreCase);
            await host.SayAsync($"join-{f}", $"fokal{f}", $"join-name-{f}", $"Fokal Uji {f}", token);
            var joined = await host.SayAsync($"join-{f}", $"fokal{f}", $"join-title-{f}", "Staf Program", token);
            Assert.Contains("fokal", joined, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>One fokal registering commitment after commitment, each in a new conversation, until the host dies.</summary>
    private static async Task RegisterUntilKilledAsync(HostProcess host, int fokal, ConcurrentBag<Track> tracks, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var track = new Track($"reg-{fokal}-{n}", $"fokal{fokal}", $"Kegiatan uji {fokal}-{n}");
            tracks.Add(track);
            for (var step = 0; step < Steps.Length; step++)
            {
                track.InFlight = step;
                string reply;
                try
                {
                    reply = await host.SayAsync(track.ConversationId, track.UserId, track.ActivityId(step), Text(step, track), CancellationToken.None);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    return; // killed: this step's outcome is unknown to the user
                }

                Assert.Contains(Steps[step].Expect, reply, StringComparison.OrdinalIgnoreCase);
                track.InFlight = null;
                track.Answered = step;
                if (step == Steps.Length - 1)
                {
                    track.SavedCode = SavedCode().Match(reply).Value;
                }
            }
        }
    }

    /// <summary>
    /// Resends the activity that was in flight at the kill (same id). A reply means the turn had not been committed
    /// and ran now; no reply means it had been committed before the kill, and the form must be at the next question.
    /// </summary>
    /// <returns>True when the in-flight turn had been committed before the kill.</returns>
    private static async Task<bool> ResumeAsync(HostProcess host, Track track, CancellationToken token)
    {
        var step = track.InFlight ?? track.Answered + 1;
        var reply = await host.SayAsync(track.ConversationId, track.UserId, track.ActivityId(step), Text(step, track), token);
        if (reply.Length == 0)
        {
            Assert.NotNull(track.InFlight);
            step++;
            if (step == Steps.Length)
            {
                track.Finished = true;
                return true;
            }

            reply = await host.SayAsync(track.ConversationId, track.UserId, track.ActivityId(step), Text(step, track), token);
            Assert.True(reply.Contains(Steps[step].Expect, StringComparison.OrdinalIgnoreCase), $"{track.ConversationId} step {step}: expected '{Steps[step].Expect}', got: {reply}");
            track.Finished = step == Steps.Length - 1;
            return true;
        }

        Assert.True(reply.Contains(Steps[step].Expect, StringComparison.OrdinalIgnoreCase), $"{track.ConversationId} step {step}: expected '{Steps[step].Expect}', got: {reply}");
        track.Finished = step == Steps.Length - 1;
        return false;
    }

    private static string Text(int step, Track track) => Steps[step].Answer.Replace("{title}", track.Title, StringComparison.Ordinal);

    [GeneratedRegex(@"\*\*([A-Z0-9]{8})\*\*")]
    private static partial Regex InviteCode();

    [GeneratedRegex(@"RA-\d{4}-\d+")]
    private static partial Regex SavedCode();

    private sealed class Track(string conversationId, string userId, string title)
    {
        public string ConversationId { get; } = conversationId;
        public string UserId { get; } = userId;
        public string Title { get; } = title;
        public int Answered { get; set; } = -1;
        public int? InFlight { get; set; }
        public string? SavedCode { get; set; }
        public bool Finished { get; set; }

        public string ActivityId(int step) => $"{ConversationId}-{step}";
    }
}
