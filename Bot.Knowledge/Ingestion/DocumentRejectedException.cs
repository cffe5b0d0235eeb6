namespace Bot.Knowledge.Ingestion;

/// <summary>A file that cannot be ingested; the message says why in words a user can act on.</summary>
public sealed class DocumentRejectedException : Exception
{
    public DocumentRejectedException()
    {
    }

    public DocumentRejectedException(string message)
        : base(message)
    {
    }

    public DocumentRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
