using Arb.Domain.Market;

namespace Arb.Cli.Import;

/// <summary>Everything the end-of-import report tells.</summary>
public sealed class ImportResult(string output)
{
    public string Output { get; } = output;

    public long RowsWritten { get; set; }

    public List<SourceStats> Sources { get; } = [];

    public List<FundingHistory> Funding { get; } = [];

    /// <summary>Per market, ordered by symbol then spot before linear.</summary>
    public SortedDictionary<(string Symbol, MarketCategory Category), MarketStats> Markets { get; } = [];

    public List<string> Warnings { get; } = [];
}
