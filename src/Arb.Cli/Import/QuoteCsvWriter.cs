using System.Globalization;
using System.Text;
using Arb.Domain.Market;

namespace Arb.Cli.Import;

/// <summary>Writes quotes as the backtester's quote CSV; decimals print with the scale they were read with.</summary>
public sealed class QuoteCsvWriter(TextWriter output)
{
    public const string Header = "timestamp,symbol,category,bid,bid_qty,ask,ask_qty,funding_rate,next_funding_time";

    private readonly StringBuilder _row = new(128);

    public void WriteHeader() => output.WriteLine(Header);

    public void Write(in ImportedQuote quote)
    {
        var row = _row.Clear();
        var linear = quote.Category == MarketCategory.Linear;
        row.Append(quote.TimestampMs.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(quote.Symbol).Append(',')
            .Append(quote.Category.ToWireName()).Append(',')
            .Append(quote.Bid.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(quote.BidQty?.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(quote.Ask.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(quote.AskQty?.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(linear ? quote.FundingRate?.ToString(CultureInfo.InvariantCulture) : null).Append(',')
            .Append(linear ? quote.NextFundingTimeMs?.ToString(CultureInfo.InvariantCulture) : null);
        output.WriteLine(row);
    }
}
