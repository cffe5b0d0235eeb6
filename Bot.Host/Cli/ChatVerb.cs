using Bot.Dialogs.Activities;
using Bot.Dialogs.Engine;
using Bot.Host.Storage.LiteDb;

namespace Bot.Host.Cli;

/// <summary>
/// <c>chat</c>: a conversation in the terminal through the same turn pipeline as every channel. Suggested actions
/// are listed as numbered choices; typing the number sends that choice. "keluar", "exit" or end of input stops.
/// </summary>
internal sealed class ChatVerb
{
    public const string ChannelId = "console";

    private static readonly ChannelAccount Bot = new() { Id = "sinergi", Name = "Sinergi", Role = "bot" };
    private static readonly ChannelAccount User = new() { Id = "console-user", Name = "Console", Role = "user" };

    private readonly TurnProcessor _turns;
    private readonly TimeProvider _time;
    private readonly TextReader _input;
    private readonly TextWriter _output;
    private readonly string _locale;
    private readonly bool _ansi;
    private readonly ConversationAccount _conversation = new() { Id = "console-" + Guid.NewGuid().ToString("N") };
    private IReadOnlyList<CardAction> _choices = [];

    private ChatVerb(IServiceProvider services, bool english, TextReader input, TextWriter output, bool ansi)
    {
        _ansi = ansi;
        _turns = services.GetRequiredService<TurnProcessor>();
        _time = services.GetRequiredService<TimeProvider>();
        _input = input;
        _output = output;
        _locale = english ? "en-US" : "id-ID";
    }

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        using var host = VerbHost.Build();

        // Bold and italics only on a real terminal that has not asked for plain output (https://no-color.org).
        var ansi = !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        return await RunAsync(host.Services, args, Console.In, Console.Out, ansi, cancellationToken);
    }

    /// <summary>
    /// The chat opens the data folder itself, so it refuses while a host runs on it (issue 14, finding 2: the two
    /// corrupted the conversation states), saying which process holds it and where its web chat is.
    /// </summary>
    internal static async Task<int> RefuseAsync(DataFolderInUseException inUse, TextWriter error)
    {
        var webChat = inUse.Holder is { Addresses.Count: > 0 } holder ? $" Chat with it in the browser at {holder.Addresses[0]} instead." : string.Empty;
        await error.WriteLineAsync("chat: " + inUse.Message + webChat);
        return 3;
    }

    /// <summary>Runs the conversation over any reader and writer, as plain text; returns the exit code.</summary>
    public static Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, CancellationToken cancellationToken) =>
        RunAsync(services, args, input, output, Console.Error, ansi: false, cancellationToken);

    /// <summary>Runs the conversation over any reader and writer (bold and italics as ANSI when asked); returns the exit code.</summary>
    public static Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, bool ansi, CancellationToken cancellationToken) =>
        RunAsync(services, args, input, output, Console.Error, ansi, cancellationToken);

    /// <summary>As above, with refusals and usage errors written to <paramref name="error"/>.</summary>
    public static Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        RunAsync(services, args, input, output, error, ansi: false, cancellationToken);

    /// <summary>The conversation with every choice made: refusals and usage errors go to <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error, bool ansi, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var unknown = args.Where(a => a != "--en").ToList();
        if (unknown.Count > 0)
        {
            await error.WriteLineAsync($"chat: unknown option '{unknown[0]}'. Usage: chat [--en]");
            return 2;
        }

        ChatVerb chat;
        try
        {
            chat = new ChatVerb(services, args.Contains("--en"), input, output, ansi);
        }
        catch (DataFolderInUseException inUse)
        {
            return await RefuseAsync(inUse, error);
        }

        await chat.ConverseAsync(cancellationToken);
        return 0;
    }

    private async Task ConverseAsync(CancellationToken cancellationToken)
    {
        var english = _locale.StartsWith("en", StringComparison.Ordinal);
        await _output.WriteLineAsync(english
            ? "Sinergi chat. Type a message, a choice number, or 'exit' to quit."
            : "Obrolan Sinergi. Ketik pesan, nomor pilihan, atau 'keluar' untuk selesai.");

        await TakeTurnAsync(NewActivity(ActivityTypes.ConversationUpdate) with { MembersAdded = [User, Bot] }, cancellationToken);
        while (true)
        {
            await _output.WriteAsync("> ");
            await _output.FlushAsync(cancellationToken);
            var line = await _input.ReadLineAsync(cancellationToken);
            if (line is null || IsExit(line.Trim()))
            {
                await _output.WriteLineAsync();
                return;
            }

            var text = ResolveChoice(line.Trim());
            if (text.Length > 0)
            {
                await TakeTurnAsync(NewActivity(ActivityTypes.Message) with { Text = text }, cancellationToken);
            }
        }
    }

    private async Task TakeTurnAsync(Activity activity, CancellationToken cancellationToken)
    {
        var result = await _turns.ProcessAsync(activity, cancellationToken);
        foreach (var reply in result.Replies.Where(r => r.Type == ActivityTypes.Message))
        {
            await ChatReplyPrinter.PrintAsync(reply, _output, _ansi);
            if (reply.SuggestedActions is { Actions.Count: > 0 } suggested)
            {
                _choices = suggested.Actions;
            }
        }
    }

    /// <summary>A number picks a listed choice; anything else is sent as typed.</summary>
    private string ResolveChoice(string line) =>
        int.TryParse(line, out var number) && number >= 1 && number <= _choices.Count
            ? _choices[number - 1].SentText ?? line
            : line;

    private static bool IsExit(string line) =>
        line.Equals("keluar", StringComparison.OrdinalIgnoreCase) || line.Equals("exit", StringComparison.OrdinalIgnoreCase);

    private Activity NewActivity(string type) => new()
    {
        Type = type,
        Id = Guid.NewGuid().ToString("N"),
        Timestamp = _time.GetUtcNow(),
        ChannelId = ChannelId,
        From = User,
        Recipient = Bot,
        Conversation = _conversation,
        Locale = _locale,
    };
}
