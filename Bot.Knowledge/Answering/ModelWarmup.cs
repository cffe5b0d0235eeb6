using Microsoft.Extensions.Hosting;

namespace Bot.Knowledge.Answering;

/// <summary>
/// Trains the safety screen and the scope model in the background when the host starts, then learns (or loads from the
/// model cache) the answer decision over the indexed passages, so the first message does not wait for them: the
/// screen and the scope model take a second or two, the decision tens of seconds on a cold cache. The host does not
/// wait either: a message that arrives earlier simply waits for the same shared work (it is done once per process).
/// </summary>
internal sealed class ModelWarmup(LearnedSafetyScreen safety, ScopeModel scope, AnswerDecision decision) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(() =>
        {
            safety.Prepare();
            scope.Prepare();
            decision.Prepare();
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
