namespace Arb.Cli.Import;

/// <summary>What <c>arbbot import</c> was asked to do.</summary>
/// <param name="FundingOffset">UTC offset of the funding files' dates; null infers it per file.</param>
/// <param name="Symbols">Symbols to keep; null keeps all.</param>
public sealed record ImportOptions(
    IReadOnlyList<string> Spot,
    IReadOnlyList<string> Perp,
    string Out,
    IReadOnlyList<string> Funding,
    TimeSpan? FundingOffset,
    IReadOnlySet<string>? Symbols);
