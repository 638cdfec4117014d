using Arb.Domain.Market;

namespace Arb.Cli.Import;

/// <summary>What reading one input file found: its format, the rows it gave, and what it skipped or dropped.</summary>
public sealed class SourceStats(string path, MarketCategory givenAs)
{
    /// <summary>How many dropped lines are quoted with file:line in the report.</summary>
    public const int ExampleLimit = 5;

    private readonly List<string> _examples = [];

    public string Path { get; } = path;

    /// <summary>The option the file was given with (<c>--spot</c> or <c>--perp</c>).</summary>
    public MarketCategory GivenAs { get; } = givenAs;

    public InputFormat? Format { get; set; }

    public bool Gzip { get; set; }

    /// <summary>Unit of the file's timestamps, once known.</summary>
    public string? TimestampUnit { get; set; }

    public long Rows { get; set; }

    /// <summary>Messages that are valid but carry no quote (depth diffs, trades, pongs ...), by kind.</summary>
    public SortedDictionary<string, long> SkippedByKind { get; } = new(StringComparer.Ordinal);

    /// <summary>Lines or rows that should have been quotes but could not be used, by reason.</summary>
    public SortedDictionary<string, long> DroppedByReason { get; } = new(StringComparer.Ordinal);

    /// <summary>The first few dropped lines as <c>file:line: reason: detail</c>.</summary>
    public IReadOnlyList<string> DropExamples => _examples;

    /// <summary>Rows whose time was before the previous row of this file and were moved up to it.</summary>
    public long ClampedRows { get; private set; }

    public long LargestClampMs { get; private set; }

    /// <summary>Rows of the other category than the option the file was given with (the file's column wins).</summary>
    public long RecategorizedRows { get; set; }

    /// <summary>Rows left out because their symbol is not in <c>--symbols</c>.</summary>
    public long FilteredRows { get; set; }

    public long DroppedTotal => DroppedByReason.Values.Sum();

    public void Skip(string kind) => Increment(SkippedByKind, kind);

    public void Drop(string reason, long line, string detail)
    {
        Increment(DroppedByReason, reason);
        if (_examples.Count < ExampleLimit)
        {
            _examples.Add($"{Path}:{line}: {reason}: {detail}");
        }
    }

    public void Clamp(long backwardsMs)
    {
        ClampedRows++;
        LargestClampMs = Math.Max(LargestClampMs, backwardsMs);
    }

    private static void Increment(SortedDictionary<string, long> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
