using Arb.Simulator.Market;

namespace Arb.Simulator;

/// <summary>How to run the simulator: where it listens and what market it makes.</summary>
public sealed record SimulatorOptions
{
    /// <summary>Loopback port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The coins listed on both markets.</summary>
    public IReadOnlyList<string> Symbols { get; init; } = ["BTCUSDT", "ETHUSDT"];

    public SimMarketOptions Market { get; init; } = new();

    /// <summary>
    /// Refuse requests beyond Bybit's per-key limits with 10006 (the default). Off for load tests: the limit headers
    /// are still sent.
    /// </summary>
    public bool EnforceRateLimits { get; init; } = true;

    /// <summary>API key pairs accepted besides the sandbox pair (<see cref="Auth.SimCredentials.Sandbox"/>).</summary>
    public IReadOnlyList<Auth.SimCredentials> Credentials { get; init; } = [];
}
