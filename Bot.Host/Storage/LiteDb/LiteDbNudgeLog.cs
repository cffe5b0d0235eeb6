using Bot.Dialogs.Reminders;
using Bot.Dialogs.Storage;
using LiteDB;

namespace Bot.Host.Storage.LiteDb;

/// <summary>The coordinators' nudges in the <c>nudges</c> collection.</summary>
internal sealed class LiteDbNudgeLog : INudgeLog
{
    private readonly ILiteCollection<NudgeRecord> _nudges;

    public LiteDbNudgeLog(SinergiDatabase database)
    {
        _nudges = database.Collection<NudgeRecord>("nudges");
        _nudges.EnsureIndex(n => n.CoordinatorId);
    }

    public void Add(NudgeRecord nudge) => _nudges.Insert(nudge);

    public NudgeRecord? Find(string key) => _nudges.FindById(key);

    public IReadOnlyList<NudgeRecord> ListByCoordinator(string coordinatorId) => _nudges.Find(n => n.CoordinatorId == coordinatorId).ToList();
}
