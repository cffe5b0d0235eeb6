using Bot.Dialogs.Domain;
using Bot.Dialogs.Tips;

namespace Bot.Dialogs.Understanding.Entities;

/// <summary>
/// Turns what was found in a message into <see cref="MessageEntities"/> for the understood intent: structured
/// mentions become codes and periods, a code-shaped word becomes a tracking code for the tip commands and an
/// invitation or sign-in code for the others, the OPD is matched against the OPDs that exist, and the learned
/// carrier words leave the free-text argument.
/// </summary>
internal static class EntityAssembler
{
    /// <summary>Intents whose argument is free text (a name, a code typed without digits).</summary>
    private static readonly HashSet<string> ArgumentIntents = new(StringComparer.Ordinal)
    {
        Intents.AddOrganisation, Intents.Invite, Intents.Nudge, Intents.Missing, Intents.AdminCode, Intents.Join, Intents.LinkAccount,
        Intents.SignIn, Intents.AddPerson, Intents.RemovePerson, Intents.ListPeople, Intents.TransferCommitments, Intents.ChangeName,
        Intents.ChangeJobTitle,
    };

    /// <summary>Intents whose code is an invitation, admin, linking or sign-in code.</summary>
    private static readonly HashSet<string> CodeIntents = new(StringComparer.Ordinal)
    {
        Intents.AdminCode, Intents.Join, Intents.LinkAccount, Intents.SignIn,
    };

    /// <summary>Intents that may name an existing OPD.</summary>
    private static readonly HashSet<string> OrganisationIntents = new(StringComparer.Ordinal)
    {
        Intents.Invite, Intents.Nudge, Intents.Missing, Intents.Join, Intents.ShowCommitment, Intents.Verify, Intents.AddPerson,
        Intents.RemovePerson, Intents.ListPeople, Intents.TransferCommitments, Intents.Summary, Intents.ListCommitments,
    };

    private static readonly HashSet<string> TipIntents = new(StringComparer.Ordinal) { Intents.CheckTip, Intents.AddTipInfo };

    public static MessageEntities Assemble(
        string text, string intent, IReadOnlyList<EntityMention> structured, ArgumentVocabulary vocabulary, OrganisationMatcher organisations, bool english)
    {
        var mentions = new List<EntityMention>();
        var tokens = MessageToken.Split(text);
        string? Value(string name) => structured.FirstOrDefault(m => m.Name == name)?.Value;

        var tipCode = Value(EntityNames.TipCode);
        string? code = null;
        foreach (var mention in structured)
        {
            if (mention.Name != EntityNames.Code)
            {
                mentions.Add(mention);
            }
            else if (TipIntents.Contains(intent) && tipCode is null && TrackingCode.Normalize(mention.Value) is { } tip)
            {
                tipCode = tip;
                mentions.Add(mention with { Name = EntityNames.TipCode, Value = tip });
            }
            else if (code is null && CodeIntents.Contains(intent))
            {
                code = mention.Value;
                mentions.Add(mention);
            }
        }

        // A code-shaped word may be the argument itself (an invite code, an OPD short name such as "DP3A").
        var boundaries = structured.Where(m => m.Name != EntityNames.Code).ToList();
        var argument = ArgumentIntents.Contains(intent) ? ArgumentExtractor.Extract(text, tokens, intent, boundaries, vocabulary) : null;
        var organisation = OrganisationIntents.Contains(intent) ? organisations.Find(WithoutMentions(tokens, structured), text, vocabulary) : null;
        if (code is null && CodeIntents.Contains(intent) && argument is { } typed && IsCodeLike(typed)
            && !string.Equals(organisation?.Text, typed, StringComparison.OrdinalIgnoreCase) && !vocabulary.IsOrdinaryWord(typed.ToLowerInvariant()))
        {
            // A code of letters only ("gabung ABCDEFGH") has no digit to give it away; the carrier words do.
            code = typed.ToUpperInvariant();
            mentions.Add(new EntityMention(EntityNames.Code, code, text.IndexOf(typed, StringComparison.Ordinal), typed.Length));
        }

        if (organisation is not null)
        {
            mentions.Add(new EntityMention(EntityNames.Organisation, organisation.ShortName, text.IndexOf(organisation.Text, StringComparison.Ordinal), organisation.Text.Length));
        }
        else if (intent == Intents.AddOrganisation && argument is not null)
        {
            mentions.Add(new EntityMention(EntityNames.Organisation, argument, text.IndexOf(argument, StringComparison.Ordinal), argument.Length));
        }

        var all = (intent is Intents.Nudge or Intents.Missing) && MentionsAll(tokens, vocabulary);
        if (all)
        {
            mentions.Add(new EntityMention(EntityNames.Scope, "all", 0, 0));
        }

        var amount = intent == Intents.ReportProgress ? AmountReader.Find(text, structured, english) : null;
        if (amount is not null)
        {
            mentions.Add(amount);
        }

        return new MessageEntities
        {
            CommitmentCode = Value(EntityNames.CommitmentCode),
            Period = Enum.TryParse<ReportingPeriod>(Value(EntityNames.Period), out var period) ? period : null,
            Year = int.TryParse(Value(EntityNames.Year), System.Globalization.CultureInfo.InvariantCulture, out var year) ? year : null,
            TipCode = tipCode,
            Code = code,
            TimeZone = Value(EntityNames.TimeZone),
            Organisation = organisation,
            AllOrganisations = all,
            Days = int.TryParse(Value(EntityNames.Duration), System.Globalization.CultureInfo.InvariantCulture, out var days) ? days : null,
            Amount = amount is null ? null : decimal.Parse(amount.Value, System.Globalization.CultureInfo.InvariantCulture),
            Argument = argument,
            Mentions = mentions.OrderBy(m => m.Start).ToList(),
        };
    }

    /// <summary>The tokens outside structured mentions (a period or a year is never part of an OPD's name).</summary>
    private static List<MessageToken> WithoutMentions(IReadOnlyList<MessageToken> tokens, IReadOnlyList<EntityMention> mentions) =>
        tokens.Where(t => !mentions.Any(m => t.Start < m.Start + m.Length && m.Start < t.End)).ToList();

    /// <summary>True when the message contains one of the annotated "every OPD" phrases ("semua", "seluruh opd", "all agencies").</summary>
    private static bool MentionsAll(IReadOnlyList<MessageToken> tokens, ArgumentVocabulary vocabulary)
    {
        var words = tokens.SelectMany(t => t.Words).ToList();
        var joined = " " + string.Join(' ', words) + " ";
        return vocabulary.Lookup(EntityNames.Scope).Any(phrase => phrase.Length > 0 && joined.Contains(" " + phrase + " ", StringComparison.Ordinal));
    }

    private static bool IsCodeLike(string text) => text.Length is >= 6 and <= 16 && text.All(char.IsAsciiLetterOrDigit);
}
