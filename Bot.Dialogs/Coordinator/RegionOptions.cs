using System.ComponentModel.DataAnnotations;

namespace Bot.Dialogs.Coordinator;

/// <summary>
/// The kabupaten/kota this deployment serves (configuration <c>Sinergi:Region</c>). New OPDs get it, and OPDs without
/// one get it when the host starts, so the exports' Kabupaten/Kota column is filled; <c>admin wilayah</c> sets one
/// OPD's region when a deployment covers more than one.
/// </summary>
public sealed class RegionOptions
{
    public const string SectionName = "Sinergi";

    [MaxLength(OrganisationRegions.MaxLength)]
    public string? Region { get; set; }
}
