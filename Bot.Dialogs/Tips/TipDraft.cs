namespace Bot.Dialogs.Tips;

/// <summary>What the tip dialog collected, before it is saved. Carries no sender information.</summary>
public sealed record TipDraft(TipCategory Category, string Description, string Kecamatan, string? Desa = null, string? When = null, DateOnly? OccurredOn = null);
