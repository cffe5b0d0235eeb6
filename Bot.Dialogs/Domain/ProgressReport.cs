namespace Bot.Dialogs.Domain;

/// <summary>Realisation of one commitment for one period, with evidence. Approved reports are locked.</summary>
public sealed class ProgressReport
{
    public int Id { get; set; }
    public int CommitmentId { get; set; }
    public int OrganisationId { get; set; }
    public ReportingPeriod Period { get; set; }
    public decimal RealisationValue { get; set; }

    /// <summary>Realisation as a percentage of the commitment's target (0-100+, rounded to one decimal).</summary>
    public decimal RealisationPercent { get; set; }

    public string Narrative { get; set; } = string.Empty;
    public List<EvidenceFile> Evidence { get; set; } = [];
    public ReportState State { get; set; } = ReportState.Draft;
    public string SubmittedBy { get; set; } = string.Empty;
    public DateTime? SubmittedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewComment { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool IsLocked => State == ReportState.Approved;
}

/// <summary>draft → submitted → approved | returned (a returned report may be submitted again).</summary>
public enum ReportState
{
    Draft,
    Submitted,
    Approved,
    Returned,
}

/// <summary>A file kept in the database's file storage, identified by its SHA-256.</summary>
public sealed class EvidenceFile
{
    /// <summary>The record of a file by its content: the id is the SHA-256, the name cut to a safe one.</summary>
    public static EvidenceFile Of(string fileName, string contentType, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        return new EvidenceFile { FileId = "evidence/" + sha256, FileName = SafeName(fileName), ContentType = contentType, Size = bytes.LongLength, Sha256 = sha256 };
    }

    /// <summary>A file name without folders or control characters, at most 100 characters ("file" when nothing is left).</summary>
    public static string SafeName(string? fileName)
    {
        var name = Path.GetFileName(fileName ?? string.Empty);
        name = new string(name.Where(c => !char.IsControl(c)).ToArray());
        return name.Length switch
        {
            0 => "file",
            > 100 => name[..100],
            _ => name,
        };
    }

    /// <summary>The file storage id.</summary>
    public string FileId { get; set; } = string.Empty;

    public string FileName { get; set; } = string.Empty;

    /// <summary>The type detected from the content (image/jpeg, image/png, application/pdf…).</summary>
    public string ContentType { get; set; } = string.Empty;

    public long Size { get; set; }
    public string Sha256 { get; set; } = string.Empty;
}
