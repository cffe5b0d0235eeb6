namespace Bot.Host.Web.Dashboard;

/// <summary>One bar of a <see cref="BarChart"/>: its label, its value (null: nothing to draw) and the text shown beside it.</summary>
public sealed record Bar(string Label, decimal? Value, string Display);
