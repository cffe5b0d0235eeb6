using System.Text.RegularExpressions;
using Bot.Knowledge.Language;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Support;

/// <summary>
/// Runs out of time on a message with the given words as often as asked, as a regex does when its thread is
/// descheduled (BENCHMARKS.md "A turn that fails under load"): the safety screen is the first step of every message's
/// understanding, so a turn can be made to end <c>Busy</c> on demand. (The screen reads the message without a typed
/// command's argument, so it is matched by a word.)
/// </summary>
public sealed class StallingScreen
{
    private string? _text;
    private int _left;

    public void StallNext(string text, int times) => (_text, _left) = (text, times);

    /// <summary>
    /// Wraps the host's own screen (the last registration is the one the understanding step gets), or in a host without
    /// one (no knowledge services) a screen that finds nothing.
    /// </summary>
    public void WrapIn(IServiceCollection services)
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(ISafetyScreen));
        services.AddSingleton<ISafetyScreen>(sp => new Stalling(this, original is null ? new NoConcern() : (ISafetyScreen)original.ImplementationFactory!(sp)));
    }

    private sealed class NoConcern : ISafetyScreen
    {
        public SafetyConcern Screen(string text) => SafetyConcern.None;
    }

    private sealed class Stalling(StallingScreen stalls, ISafetyScreen inner) : ISafetyScreen
    {
        public SafetyConcern Screen(string text)
        {
            if (stalls._text is { } stalled && text.Contains(stalled, StringComparison.Ordinal) && Interlocked.Decrement(ref stalls._left) >= 0)
            {
                throw new RegexMatchTimeoutException(text, "(stalled)", TimeSpan.FromMilliseconds(200));
            }

            return inner.Screen(text);
        }
    }
}
