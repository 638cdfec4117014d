using Arb.Engine.Journals;
using Arb.Engine.Trading;

namespace Arb.Cli.Trading;

/// <summary>Writes a PnL snapshot per symbol to PNL_LOG every PNL_LOG_SEC, and a last one when stopped.</summary>
internal sealed class PnlRecorder(PnlJournal journal, TradingEngine engine, TimeSpan interval, TimeProvider time)
{
    public async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                journal.Record(engine.Status());
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
