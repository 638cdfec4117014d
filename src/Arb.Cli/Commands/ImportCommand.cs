using System.CommandLine;
using Arb.Cli.Import;

namespace Arb.Cli.Commands;

/// <summary><c>arbbot import --spot FILE... --perp FILE... --out OUT.csv</c>.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var spot = new Option<string[]>("--spot")
        {
            Description = "Spot captures (repeatable; several files may follow one --spot)",
            AllowMultipleArgumentsPerToken = true,
        };
        var perp = new Option<string[]>("--perp")
        {
            Description = "Linear perpetual captures (repeatable; several files may follow one --perp)",
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<string>("--out", "-o") { Description = "The quote CSV to write (.gz compresses it)", Required = true };
        var funding = new Option<string[]>("--funding")
        {
            Description = "Funding-rate history (Symbol,Date,Funding Rate) to fill funding_rate and next_funding_time of linear rows (repeatable)",
        };
        var offset = new Option<string>("--funding-utc-offset")
        {
            Description = "UTC offset of the funding files' dates: auto (inferred from the 00/08/16 UTC settlement times) or e.g. +03:00",
            DefaultValueFactory = _ => FundingOffset.Auto,
        };
        var symbols = new Option<string?>("--symbols") { Description = "Comma-separated symbols to keep (default: all)" };

        var command = new Command(
            "import",
            "Convert recorded market captures (Binance WebSocket captures, quote CSV, Bybit V5 WebSocket frames; plain or gzip, " +
            $"detected from the content) into one time-ordered quote CSV for the backtester ({QuoteCsvWriter.Header}). " +
            "A report on stderr gives rows per market, time span, gaps, dropped lines and the detected formats. See docs/import.md.");
        command.Options.Add(spot);
        command.Options.Add(perp);
        command.Options.Add(output);
        command.Options.Add(funding);
        command.Options.Add(offset);
        command.Options.Add(symbols);
        command.SetAction(parse => Run(
            parse.GetValue(spot) ?? [], parse.GetValue(perp) ?? [], parse.GetValue(output)!, parse.GetValue(funding) ?? [],
            parse.GetValue(offset)!, parse.GetValue(symbols), Console.Error));
        return command;
    }

    internal static int Run(
        IReadOnlyList<string> spot, IReadOnlyList<string> perp, string output, IReadOnlyList<string> funding,
        string offsetText, string? symbolList, TextWriter report)
    {
        if (spot.Count + perp.Count == 0)
        {
            report.WriteLine("import: nothing to import: give at least one --spot or --perp file");
            return ExitCodes.BadConfiguration;
        }

        TimeSpan? offset = null;
        if (!offsetText.Equals(FundingOffset.Auto, StringComparison.OrdinalIgnoreCase))
        {
            offset = FundingOffset.Parse(offsetText);
            if (offset is null)
            {
                report.WriteLine($"import: --funding-utc-offset \"{offsetText}\" is not allowed: expected auto or an offset such as +03:00 or -05:00");
                return ExitCodes.BadConfiguration;
            }
        }

        HashSet<string>? keep = null;
        if (symbolList is not null)
        {
            keep = [.. symbolList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToUpperInvariant())];
            if (keep.Count == 0)
            {
                report.WriteLine($"import: --symbols \"{symbolList}\" names no symbol");
                return ExitCodes.BadConfiguration;
            }
        }

        try
        {
            var result = Importer.Run(new ImportOptions(spot, perp, output, funding, offset, keep));
            ImportReport.Write(result, report);
            return ExitCodes.Ok;
        }
        catch (ImportInputException ex)
        {
            report.WriteLine($"import: {ex.Message}");
            return ExitCodes.BadConfiguration;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            report.WriteLine($"import: cannot write {output}: {ex.Message}");
            return ExitCodes.BadConfiguration;
        }
    }
}
