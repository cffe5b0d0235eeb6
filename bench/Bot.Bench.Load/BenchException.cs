namespace Bot.Bench.Load;

/// <summary>A turn that failed: an HTTP error, a timeout or a reply that was not the expected one.</summary>
internal sealed class BenchException(string message) : Exception(message);
