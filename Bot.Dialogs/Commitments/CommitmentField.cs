namespace Bot.Dialogs.Commitments;

/// <summary>The fields a fokal can change after registering.</summary>
internal enum CommitmentField
{
    FocusArea,
    Programme,
    Title,
    OutputIndicator,
    Target,
    Unit,
    Location,
    Budget,
    Deadline,
    Periods,
}

/// <summary>Field names as shown on cards and edit buttons (short, for WhatsApp buttons).</summary>
internal static class CommitmentFieldNames
{
    public static readonly IReadOnlyDictionary<CommitmentField, string> Indonesian = new Dictionary<CommitmentField, string>
    {
        [CommitmentField.FocusArea] = "Fokus",
        [CommitmentField.Programme] = "Program",
        [CommitmentField.Title] = "Judul",
        [CommitmentField.OutputIndicator] = "Indikator",
        [CommitmentField.Target] = "Target",
        [CommitmentField.Unit] = "Satuan",
        [CommitmentField.Location] = "Lokasi",
        [CommitmentField.Budget] = "Anggaran",
        [CommitmentField.Deadline] = "Tenggat",
        [CommitmentField.Periods] = "Periode lapor",
    };

    public static readonly IReadOnlyDictionary<CommitmentField, string> English = new Dictionary<CommitmentField, string>
    {
        [CommitmentField.FocusArea] = "Focus area",
        [CommitmentField.Programme] = "Programme",
        [CommitmentField.Title] = "Title",
        [CommitmentField.OutputIndicator] = "Indicator",
        [CommitmentField.Target] = "Target",
        [CommitmentField.Unit] = "Unit",
        [CommitmentField.Location] = "Location",
        [CommitmentField.Budget] = "Budget",
        [CommitmentField.Deadline] = "Deadline",
        [CommitmentField.Periods] = "Reporting",
    };

    public static string Of(CommitmentField field, bool english) => (english ? English : Indonesian)[field];
}
