namespace Bot.Dialogs.Domain;

/// <summary>What a user may do. Everyone is a resident (Warga); fokal and coordinators are granted.</summary>
public enum Role
{
    Warga,
    Fokal,
    Koordinator,
}
