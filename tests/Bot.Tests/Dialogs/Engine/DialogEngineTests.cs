using Bot.Dialogs.Engine.Dialogs;
using Bot.Dialogs.Engine;
using Bot.Dialogs.Storage;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Dialogs.Engine;

public sealed class DialogEngineTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task CompletesAFormAcrossTurnsWithTypedValues()
    {
        using var host = NewHost();
        var chat = new ConversationDriver(host);

        await chat.SayAsync("mulai tes", "nama kegiatannya");
        await chat.SayAsync("Sosialisasi", "pesertanya");
        await chat.SayAsync("1.500 orang", "Warna apa?", "1. Merah");
        chat.AssertSuggests("Merah", "Hijau", "Biru Langit");
        await chat.SayAsync("3", "tenggatnya");
        await chat.SayAsync("akhir Juni", "Simpan Sosialisasi?");
        chat.AssertSuggests("Ya", "Tidak");
        await chat.SayAsync("ya", "Selesai: Sosialisasi|1500|blue|2027-06-30");

        Assert.Empty(host.Get<IConversationStateStore>().Load("test|" + chat.ConversationId).Stack);
    }

    [Fact]
    public async Task KembaliAsksThePreviousQuestionAgainAndTakesTheNewAnswer()
    {
        using var host = NewHost();
        var chat = new ConversationDriver(host);
        await chat.SendAsync("mulai tes");
        await chat.SendAsync("Salah nama");
        await chat.SayAsync("kembali", "nama kegiatannya");
        await chat.SayAsync("kembali", "pertanyaan pertama", "nama kegiatannya");
        await chat.SayAsync("Nama benar", "pesertanya");
        await chat.SendAsync("10");
        await chat.SendAsync("hijau");
        await chat.SendAsync("besok");
        await chat.SayAsync("y", "Selesai: Nama benar|10|green|2027-03-02");
    }

    [Fact]
    public async Task BantuanExplainsTheCurrentQuestionAndAsksItAgain()
    {
        using var host = NewHost();
        var chat = new ConversationDriver(host);
        await chat.SendAsync("mulai tes");
        await chat.SayAsync("bantuan", "maksimal 30 huruf", "nama kegiatannya", "kembali");
        await chat.SendAsync("Rapat");
        await chat.SayAsync("bantuan", "1.500", "pesertanya");
        await chat.SayAsync("5", "Warna apa?");
    }

    [Fact]
    public async Task BatalEndsTheFormWithoutSaving()
    {
        using var host = NewHost();
        var chat = new ConversationDriver(host);
        await chat.SendAsync("mulai tes");
        await chat.SendAsync("Rapat");
        await chat.SayAsync("batal", "dibatalkan");

        Assert.Empty(host.Get<IConversationStateStore>().Load("test|" + chat.ConversationId).Stack);
        await chat.SayAsync("12", "belum memahami");
    }

    [Fact]
    public async Task MenuLeavesTheFormAndShowsTheMainMenu()
    {
        using var host = NewHost();
        var chat = new ConversationDriver(host);
        await chat.SendAsync("mulai tes");
        await chat.SayAsync("menu", "menu utama", "Rencana aksi");

        Assert.Empty(host.Get<IConversationStateStore>().Load("test|" + chat.ConversationId).Stack);
    }

    [Fact]
    public async Task PausesAfterThreeUnusableAnswersWithoutLosingTheEarlierOnes()
    {
        using var host = NewHost();
        var chat = new ConversationDriver(host);
        await chat.SendAsync("mulai tes");
        await chat.SendAsync("Rapat");
        await chat.SayAsync("abc", "belum bisa membaca angka", "Contoh jawaban: *1.500*", "pesertanya");
        await chat.SayAsync("😀😀", "belum bisa membaca angka");
        await chat.SayAsync("0", "Minimal 1", "setelah 3 kali", "Tidak ada yang hilang", "*bantuan*", "*batal*");
        chat.AssertSuggests("Bantuan", "Batal");

        // Still the same question, with the first answer kept.
        Assert.NotEmpty(host.Get<IConversationStateStore>().Load("test|" + chat.ConversationId).Stack);
        await chat.SayAsync("12", "Warna apa?");
        await chat.SendAsync("merah");
        await chat.SendAsync("besok");
        await chat.SayAsync("ya", "Selesai: Rapat|12|red|2027-03-02");
    }

    [Fact]
    public async Task RefusesAVeryLongAnswerPolitelyAndKeepsAsking()
    {
        using var host = NewHost();
        var chat = new ConversationDriver(host);
        await chat.SendAsync("mulai tes");
        await chat.SayAsync(new string('a', 20_000), "terlalu panjang", "nama kegiatannya");
        await chat.SayAsync(new string('b', 31), "maksimal 30 karakter");
        await chat.SayAsync("Rapat", "pesertanya");
    }

    [Fact]
    public async Task RefusesAnEmojiOnlyAnswerToATextQuestion()
    {
        using var host = NewHost();
        var chat = new ConversationDriver(host);
        await chat.SendAsync("mulai tes");
        await chat.SayAsync("🙂🙂🙂", "huruf atau angka", "nama kegiatannya");
        await chat.SayAsync("Rapat 🙂", "pesertanya");
    }

    [Fact]
    public async Task RefusesADateInThePastAndExplains()
    {
        using var host = NewHost();
        var chat = new ConversationDriver(host);
        await chat.SendAsync("mulai tes");
        await chat.SendAsync("Rapat");
        await chat.SendAsync("2");
        await chat.SendAsync("Merah");
        await chat.SayAsync("1/1/2027", "sudah lewat", "tenggatnya");
        await chat.SayAsync("kapan-kapan", "belum bisa membaca tanggal");
        await chat.SayAsync("Jumat depan", "Simpan Rapat?");
        await chat.SayAsync("ok", "2027-03-12");
    }

    [Fact]
    public async Task ContinuesWhereItStoppedAfterTheDatabaseIsReopened()
    {
        var chat = new ConversationDriver(NewHost());
        await chat.SendAsync("mulai tes");
        await chat.SendAsync("Rapat koordinasi");
        await chat.SayAsync("25", "Warna apa?");
        chat.Host.Dispose();

        using var reopened = NewHost();
        chat.Host = reopened;
        await chat.SayAsync("Merah", "tenggatnya");
        await chat.SayAsync("kembali", "Warna apa?");
        await chat.SendAsync("biru");
        await chat.SendAsync("30/6");
        await chat.SayAsync("ya", "Selesai: Rapat koordinasi|25|blue|2027-06-30");
    }

    [Fact]
    public async Task RestartsPolitelyWhenTheStoredDialogNoLongerMatchesTheCode()
    {
        using var host = NewHost();
        var chat = new ConversationDriver(host);
        await chat.SendAsync("mulai tes");
        var states = host.Get<IConversationStateStore>();
        var state = states.Load("test|" + chat.ConversationId);
        state.Stack[0].DialogVersion = "test.form#5.1";
        states.Save(state);

        await chat.SayAsync("Rapat", "telah diperbarui", "mulai lagi");
        Assert.Empty(states.Load("test|" + chat.ConversationId).Stack);
    }

    [Fact]
    public async Task ChoiceAcceptsTheTitleACloseSpellingOrAPrefix()
    {
        using var host = NewHost();
        foreach (var (answer, value) in new[] { ("Hijau", "green"), ("hijauu", "green"), ("biru", "blue"), ("2", "green") })
        {
            var chat = new ConversationDriver(host, userId: "u-" + answer);
            await chat.SendAsync("mulai tes");
            await chat.SendAsync("Rapat");
            await chat.SendAsync("2");
            await chat.SayAsync(answer, "tenggatnya");
            await chat.SendAsync("besok");
            await chat.SayAsync("ya", "|" + value + "|");
        }
    }

    [Fact]
    public async Task ChoiceRetriesOnAnUnknownOrOutOfRangeAnswer()
    {
        using var host = NewHost();
        var chat = new ConversationDriver(host);
        await chat.SendAsync("mulai tes");
        await chat.SendAsync("Rapat");
        await chat.SendAsync("2");
        await chat.SayAsync("7", "tidak ada dalam daftar", "1. Merah");
        chat.AssertSuggests("Merah");
        await chat.SayAsync("ungu", "tidak ada dalam daftar");
    }

    private DialogsHost NewHost() => new(_folder.Path, configure: services =>
    {
        services.AddSingleton<Dialog, TestFormDialog>();
        services.AddSingleton<ITurnHandler, TestFormHandler>();
    });

    public void Dispose() => _folder.Dispose();
}
