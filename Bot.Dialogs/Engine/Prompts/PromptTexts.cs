namespace Bot.Dialogs.Engine.Prompts;

/// <summary>What prompts say when an answer cannot be used.</summary>
internal static class PromptTexts
{
    public static readonly LocalizedText TooLong = new(
        "Pesan itu terlalu panjang untuk pertanyaan ini.",
        "That message is too long for this question.");

    public static readonly LocalizedText TextTooLong = new(
        "Jawaban terlalu panjang ({0} karakter); maksimal {1} karakter. Mohon diringkas.",
        "That answer is too long ({0} characters); at most {1} characters, please shorten it.");

    public static readonly LocalizedText TextEmpty = new(
        "Mohon jawab dengan kata-kata (huruf atau angka).",
        "Please answer in words (letters or digits).");

    public static readonly LocalizedText TextHint = new(
        "Ketik jawaban Anda sebagai teks biasa.",
        "Type your answer as plain text.");

    public static readonly LocalizedText NumberInvalid = new(
        "Saya belum bisa membaca angka dari jawaban itu.",
        "I could not read a number from that answer.");

    public static readonly LocalizedText NumberHint = new(
        "Ketik angka, misalnya *1.500*, *2,5*, *15 orang* atau *Rp 25 juta*.",
        "Type a number, for example *1,500*, *2.5*, *15 people* or *Rp 25 million*.");

    public static readonly LocalizedText ChoiceInvalid = new(
        "Pilihan itu tidak ada dalam daftar.",
        "That is not one of the options.");

    public static readonly LocalizedText ChoiceHint = new(
        "Ketuk salah satu tombol, ketik nomornya, atau ketik namanya.",
        "Tap one of the buttons, type its number, or type its name.");

    public static readonly LocalizedText ConfirmInvalid = new(
        "Mohon jawab *ya* atau *tidak*.",
        "Please answer *yes* or *no*.");

    public static readonly LocalizedText ConfirmHint = new(
        "Jawab *ya* untuk melanjutkan atau *tidak* untuk membatalkan.",
        "Answer *yes* to go ahead or *no* to cancel.");

    public static readonly LocalizedText DateInvalid = new(
        "Saya belum bisa membaca tanggal dari jawaban itu.",
        "I could not read a date from that answer.");

    public static readonly LocalizedText DateHint = new(
        "Contoh tanggal yang saya pahami: *30/6*, *30-06-2027*, *30 Juni 2027*, *akhir Juni*, *besok*, *lusa*, *minggu depan*, *Jumat depan*, *B6* (30 Juni) atau *B12* (31 Desember).",
        "Dates I understand: *30/6*, *30-06-2027*, *30 June 2027*, *end of June*, *tomorrow*, *next week*, *next Friday*, *B6* (30 June) or *B12* (31 December).");

    public static readonly LocalizedText GaveUp = new(
        "Sepertinya ada kendala dengan jawaban ini, jadi pengisian saya hentikan. Data yang belum dikonfirmasi tidak disimpan. Anda bisa mulai lagi kapan saja, atau ketik *bantuan*.",
        "It seems this answer is not working out, so I stopped here. Nothing unconfirmed was saved. You can start again any time, or type *help*.");

    public static readonly LocalizedText ExampleLine = new("Contoh jawaban: {0}", "For example: {0}");

    public static readonly LocalizedText NumberExample = new("*1.500*, *25 orang* atau *Rp 25 juta*", "*1,500*, *25 people* or *Rp 25 million*");

    public static readonly LocalizedText DateExample = new(
        "*30 Juni {0}*, *30/06/{0}* atau *akhir Juni*",
        "*30 June {0}*, *30/06/{0}* or *end of June*");

    public static readonly LocalizedText ConfirmExample = new("*ya* atau *tidak*", "*yes* or *no*");

    public static readonly LocalizedText Paused = new(
        "Jawaban untuk pertanyaan ini belum bisa saya terima setelah {0} kali mencoba. Tidak ada yang hilang: jawaban Anda sebelumnya tetap tersimpan.\n\nAnda bisa:\n- mencoba lagi, misalnya {1}\n- ketik *bantuan* untuk penjelasan pertanyaan ini\n{2}{3}- ketik *batal* untuk berhenti dan membuang isian",
        "I could not use the answer to this question after {0} tries. Nothing is lost: your earlier answers are kept.\n\nYou can:\n- try again, for example {1}\n- type *help* for an explanation of this question\n{2}{3}- type *cancel* to stop and discard the form");

    public static readonly LocalizedText PausedSkip = new(
        "- ketik *lewati* untuk mengosongkan pertanyaan ini (tidak wajib)\n",
        "- type *skip* to leave this question empty (it is optional)\n");

    public static readonly LocalizedText PausedPark = new(
        "- ketik *nanti* untuk menyimpan isian sebagai draf, lalu *lanjut* kapan saja untuk meneruskannya\n",
        "- type *later* to keep the form as a draft, then *continue* any time to carry on\n");

    public static readonly LocalizedText HelpButton = new("Bantuan", "Help");

    public static readonly LocalizedText LaterButton = new("Nanti", "Later");

    public static readonly LocalizedText CancelButton = new("Batal", "Cancel");

    public static readonly LocalizedText Skip = new("Lewati", "Skip");

    public static readonly LocalizedText Yes = new("Ya", "Yes");

    public static readonly LocalizedText No = new("Tidak", "No");
}
