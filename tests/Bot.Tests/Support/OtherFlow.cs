namespace Bot.Tests.Support;

/// <summary>Work run in an async flow of its own: outside the caller's unit of work, as another request would.</summary>
public static class OtherFlow
{
    public static async Task<T> RunAsync<T>(Func<T> work)
    {
        Task<T> running;
        using (ExecutionContext.SuppressFlow())
        {
            running = Task.Run(work, TestContext.Token);
        }

        return await running;
    }

    public static Task RunAsync(Action work) => RunAsync(() =>
    {
        work();
        return true;
    });
}
