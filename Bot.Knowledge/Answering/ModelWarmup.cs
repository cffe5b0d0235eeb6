using Microsoft.Extensions.Hosting;

namespace Bot.Knowledge.Answering;

/// <summary>
/// Trains the safety screen and the scope model in the background when the host starts, so the first message
/// does not wait the second or two that training takes. The host does not wait for it either: a message that
/// arrives earlier simply trains the model itself (the models are shared, so the work is done once).
/// </summary>
internal sealed class ModelWarmup(LearnedSafetyScreen safety, ScopeModel scope) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(() =>
        {
            safety.Prepare();
            scope.Prepare();
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
