using Arb.Cli.Run.Status;
using Arb.UnitTests.Support;

namespace Arb.UnitTests.Cli;

public sealed class StatusLogTests
{
    [Fact]
    public void Logs_the_account_then_one_line_per_symbol()
    {
        var logger = new CapturingLogger();

        new StatusLog(logger).Write(StatusSamples.Status);

        Assert.Collection(
            logger.Messages,
            m => Assert.StartsWith("Information: status paper equity 10012.35 USDT symbols 2", m, StringComparison.Ordinal),
            m => Assert.StartsWith(
                "Information: BTCUSDT active basis 12.3 bps open 4.1 rev -2.0 close - spot 0.01 perp -0.01 " +
                "real 1.23 unreal -0.40 fees 0.15 funding 0.02 trades 3 inflight 0 imbalances 0",
                m,
                StringComparison.Ordinal),
            m => Assert.StartsWith(
                "Information: ETHUSDT warming basis - bps open - rev - close - spot 0 perp 0 " +
                "real 0.00 unreal 0.00 fees 0.00 funding 0.00 trades 0 inflight 0 imbalances 0",
                m,
                StringComparison.Ordinal));
    }
}
