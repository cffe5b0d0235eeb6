using System.Text.RegularExpressions;
using Bot.Dialogs.Domain;
using Bot.Dialogs.Menu;
using Bot.Dialogs.Understanding;
using Bot.Dialogs.Understanding.Entities;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Understanding;

/// <summary>"Maksud Anda …?" offers buttons that work; the help each role sees names only commands that work as written.</summary>
public sealed partial class ClarificationAndHelpTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task AnUncertainMessageIsAskedAboutWithButtonsThatStartTheFlow()
    {
        // A policy that never runs an inferred intent: every message that is not typed syntax is asked about.
        using var host = new DialogsHost(_folder.Path, configure: services => services.AddSingleton(sp => new MessageUnderstander(
            sp.GetRequiredService<IKnownOrganisations>(), policy: new ConfidencePolicy(Run: 1.01, Clarify: 0.0, Option: 0.05, Interrupt: 0.8))));
        var fokal = await ConversationScenarios.FokalAsync(host, ConversationScenarios.Coordinator(host), "Dinkes", "sari");

        await fokal.SayAsync("mau tambah rencana aksi", "Maksud Anda", "*Rencana aksi baru*");
        var button = fokal.Replies.Single().SuggestedActions!.Actions.First(a => a.Title == "Rencana aksi baru");
        Assert.Equal("rencana aksi baru", button.SentText);

        await fokal.SayAsync(button.SentText!, "**fokus**");
    }

    [Fact]
    public async Task AnUncertainProgressReportKeepsItsCodeInTheButton()
    {
        using var host = new DialogsHost(_folder.Path, configure: services => services.AddSingleton(sp => new MessageUnderstander(
            sp.GetRequiredService<IKnownOrganisations>(), policy: new ConfidencePolicy(Run: 1.01, Clarify: 0.0, Option: 0.05, Interrupt: 0.8))));
        var fokal = await ConversationScenarios.FokalAsync(host, ConversationScenarios.Coordinator(host), "Dinkes", "sari");

        await fokal.SayAsync("mau lapor capaian ra 2027 1 b6", "Maksud Anda", "*Lapor progres*");
        Assert.Contains(fokal.Replies.Single().SuggestedActions!.Actions, a => a.SentText == "lapor RA-2027-001 B6");
    }

    [Theory]
    [InlineData(Role.Warga, "id-ID")]
    [InlineData(Role.Fokal, "id-ID")]
    [InlineData(Role.Koordinator, "id-ID")]
    [InlineData(Role.Warga, "en-US")]
    [InlineData(Role.Fokal, "en-US")]
    [InlineData(Role.Koordinator, "en-US")]
    public async Task EveryExampleInARolesHelpWorksAsWritten(Role role, string locale)
    {
        using var host = UnderstandingHosts.WithQuestions(_folder.Path);
        var user = role switch
        {
            Role.Koordinator => ConversationScenarios.Coordinator(host, "boss", locale),
            Role.Fokal => await ConversationScenarios.FokalAsync(host, ConversationScenarios.Coordinator(host), "Dinkes", "sari", locale: locale),
            _ => new ConversationDriver(host, "warga", locale: locale),
        };
        var help = MenuTexts.HelpFor(role).For(locale);
        Assert.DoesNotContain('<', help);

        var examples = Examples().Matches(help).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            await user.SendAsync(example);
            foreach (var refusal in new[] { "belum memahami", "did not understand", "Maksud Anda", "Did you mean", "khusus untuk", "only for", "for coordinators only" })
            {
                Assert.False(user.Text.Contains(refusal, StringComparison.OrdinalIgnoreCase), $"'{example}' got: {user.Text}");
            }

            await user.SendAsync(locale.StartsWith("en", StringComparison.Ordinal) ? "cancel" : "batal");
        }
    }

    [Theory]
    [InlineData(null, "Bantuan")]
    [InlineData(Role.Fokal, "Rencana aksi baru")]
    [InlineData(Role.Koordinator, "Belum lapor")]
    public void EachRoleHasButtonsThatAreTypedCommands(Role? role, string first)
    {
        foreach (var english in new[] { false, true })
        {
            var buttons = MenuTexts.Suggestions(role, english);
            Assert.All(buttons, b => Assert.NotNull(TypedCommands.Match(b)));
            Assert.Equal(first, MenuTexts.Suggestions(role, english: false)[0]);
        }
    }

    public void Dispose() => _folder.Dispose();

    // The examples in a help text: italics that are not button names (*Ingatkan besok* is a button's title, not typed).
    [GeneratedRegex(@"(?<!\*)\*(?!\*)([^*]+?)\*(?!\*)")]
    private static partial Regex Examples();
}
