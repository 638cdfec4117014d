using System.Globalization;
using Arb.Engine.Learning;
using Arb.Engine.Trading;
using Microsoft.Extensions.Logging;

namespace Arb.Cli.Trading;

/// <summary>
/// RL_ONLINE_LEARNING: saves each learning symbol's updated policy every <c>interval</c> and at shutdown to
/// <c>SYMBOL.online.policy.json</c> beside the trained one (never over it), atomically. The table is copied under the
/// symbol's lock, where decisions update it, so a saved file is one consistent moment of it.
/// </summary>
internal sealed partial class OnlinePolicySaver(
    IReadOnlyList<EstimatorChoice> learners, TradingEngine engine, string directory, TimeSpan interval, TimeProvider time, ILogger<OnlinePolicySaver> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct).ConfigureAwait(false))
            {
                SaveNow();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    public void SaveNow()
    {
        foreach (var choice in learners)
        {
            var trained = choice.Document!;
            var learner = choice.Learner!;
            var values = engine.Trader(choice.Symbol).Read(_ => learner.Table.Visited().Select(v => new[] { v.State, v.Hold, v.Act }).ToList());
            var now = time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            var updated = trained with
            {
                Values = values,
                Training = trained.Training with { TrainedAtUtc = $"{trained.Training.TrainedAtUtc}, learned online to {now}" },
            };
            var path = PolicyFile.OnlinePathFor(directory, choice.Symbol);
            try
            {
                PolicyFile.Save(path, updated);
                LogSaved(choice.Symbol, path, learner.Updates);
            }
            catch (IOException ex)
            {
                LogSaveFailed(ex, choice.Symbol, path);
            }
            catch (UnauthorizedAccessException ex)
            {
                LogSaveFailed(ex, choice.Symbol, path);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Symbol}: online policy saved to {Path} ({Updates} updates so far)")]
    private partial void LogSaved(string symbol, string path, long updates);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Symbol}: online policy could not be saved to {Path}")]
    private partial void LogSaveFailed(Exception ex, string symbol, string path);
}
