namespace Bot.Dialogs.Tips;

/// <summary>Checks a draft before saving; names the first field that is missing or too long.</summary>
internal static class TipValidation
{
    public static string? Problem(TipDraft draft)
    {
        if (!Enum.IsDefined(draft.Category))
        {
            return "category";
        }

        if (string.IsNullOrWhiteSpace(draft.Description) || draft.Description.Trim().Length < 5 || draft.Description.Length > 2000)
        {
            return "description";
        }

        if (string.IsNullOrWhiteSpace(draft.Kecamatan) || draft.Kecamatan.Length > 100)
        {
            return "kecamatan";
        }

        if (draft.Desa is { Length: > 100 })
        {
            return "desa";
        }

        return draft.When is { Length: > 200 } ? "when" : null;
    }
}
