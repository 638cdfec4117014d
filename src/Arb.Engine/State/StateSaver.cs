using Microsoft.Extensions.Logging;

namespace Arb.Engine.State;

/// <summary>
/// Saves the state every STATE_SAVE_SEC and soon after every fill (requests arriving while a save runs are folded
/// into the next one, so a burst of fills costs one or two writes, never a queue). A failed save is logged and
/// reported to <paramref name="onError"/> (it counts against ERROR_LIMIT); the files on disk stay as they were.
/// </summary>
public sealed partial class StateSaver(
    StateStore store, Func<BotState> capture, TimeSpan interval, ILogger logger, Action<string>? onError = null)
{
    private readonly SemaphoreSlim _requested = new(0, 1);
    private long _saves;

    public long Saves => Interlocked.Read(ref _saves);

    /// <summary>Raised after each successful save with how long it took, in seconds.</summary>
    public event Action<double>? Saved;

    /// <summary>Asks for a save as soon as possible (after a fill). Never blocks.</summary>
    public void RequestSave()
    {
        if (_requested.CurrentCount == 0)
        {
            try
            {
                _requested.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another request got there first: one save covers both.
            }
        }
    }

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await _requested.WaitAsync(interval, ct).ConfigureAwait(false);
                SaveNow();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>Saves at once on the caller's thread (the last save at shutdown). Returns whether it worked.</summary>
    public bool SaveNow()
    {
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            store.Save(capture);
            Interlocked.Increment(ref _saves);
            Saved?.Invoke(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
            return true;
        }
        catch (Exception ex) when (ex is StateSaveException or IOException or UnauthorizedAccessException)
        {
            LogSaveFailed(store.MainPath, ex.Message);
            onError?.Invoke($"state save failed: {ex.Message}");
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "saving the state to {Path} failed: {Reason}; the previous snapshot is kept")]
    private partial void LogSaveFailed(string path, string reason);
}
