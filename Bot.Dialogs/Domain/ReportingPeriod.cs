namespace Bot.Dialogs.Domain;

/// <summary>The Sismonev reporting periods: month 6 (semester 1) and month 12 (semester 2).</summary>
public enum ReportingPeriod
{
    B6,
    B12,
}

/// <summary>Dates of the reporting periods.</summary>
public static class ReportingPeriods
{
    /// <summary>The last day of the period: 30 June for B6, 31 December for B12.</summary>
    public static DateOnly EndOf(ReportingPeriod period, int year) =>
        period == ReportingPeriod.B6 ? new DateOnly(year, 6, 30) : new DateOnly(year, 12, 31);

    /// <summary>The day the reporting window opens: 1 June for B6, 1 December for B12.</summary>
    public static DateOnly WindowOpens(ReportingPeriod period, int year) =>
        period == ReportingPeriod.B6 ? new DateOnly(year, 6, 1) : new DateOnly(year, 12, 1);
}
