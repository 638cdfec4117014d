namespace Arb.Cli.Import;

/// <summary>One settled funding: the UTC time it was settled and the rate settled then.</summary>
public readonly record struct FundingEvent(long TimeMs, decimal Rate);
