namespace Bot.Dialogs.Engine.Dialogs;

/// <summary>Every dialog by id, with their dependencies (prompts, sub-dialogs) registered alongside.</summary>
internal sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    public DialogSet(IEnumerable<Dialog> dialogs)
    {
        foreach (var dialog in dialogs)
        {
            Add(dialog);
        }
    }

    public Dialog? Find(string id) => _dialogs.GetValueOrDefault(id);

    public IReadOnlyCollection<Dialog> All => _dialogs.Values;

    private void Add(Dialog dialog)
    {
        if (_dialogs.TryGetValue(dialog.Id, out var existing))
        {
            if (!ReferenceEquals(existing, dialog))
            {
                throw new InvalidOperationException($"Two dialogs share the id '{dialog.Id}'.");
            }

            return;
        }

        _dialogs[dialog.Id] = dialog;
        foreach (var dependency in dialog.Dependencies)
        {
            Add(dependency);
        }
    }
}
