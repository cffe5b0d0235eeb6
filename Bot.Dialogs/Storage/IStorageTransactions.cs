namespace Bot.Dialogs.Storage;

/// <summary>
/// Runs several store calls as one atomic change: all of them are kept, or none. The work must stay synchronous (the
/// storage adapter may tie its transaction to the calling thread); a throw undoes everything it wrote. Inside an open
/// one, a nested call joins it.
/// </summary>
public interface IStorageTransactions
{
    T Run<T>(Func<T> work);

    void Run(Action work);
}
