using System.Globalization;
using Arb.Cli.Settings;

namespace Arb.Cli.Backtest;

/// <summary>
/// One <c>--sweep NAME=FROM:TO:STEP</c>: a setting and the values it takes, FROM, FROM+STEP, ... up to TO inclusive.
/// Only settings that shape trading can be swept, so a typo is caught before hundreds of runs.
/// </summary>
internal sealed record SweepAxis(string Name, IReadOnlyList<decimal> Values)
{
    /// <summary>Most values one axis may take.</summary>
    public const int MaxValues = 1_000;

    /// <summary>Parses the option's text; throws <see cref="FormatException"/> with what is wrong and the expected form.</summary>
    public static SweepAxis Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new FormatException($"--sweep '{text}': expected NAME=FROM:TO:STEP, e.g. ENTRY_EDGE_BPS=10:30:5");
        }

        var name = text[..equals].Trim().ToUpperInvariant();
        if (!BacktestSetup.EchoedSettings.Contains(name, StringComparer.Ordinal) || name == SettingNames.AllowReverse)
        {
            throw new FormatException(
                $"--sweep '{text}': {name} cannot be swept; numeric trading settings can: {string.Join(", ", BacktestSetup.EchoedSettings.Where(n => n != SettingNames.AllowReverse))}");
        }

        var parts = text[(equals + 1)..].Split(':');
        if (parts.Length != 3
            || !decimal.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var from)
            || !decimal.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var to)
            || !decimal.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var step))
        {
            throw new FormatException($"--sweep '{text}': expected {name}=FROM:TO:STEP with three numbers, e.g. {name}=10:30:5");
        }

        if (step <= 0m || to < from)
        {
            throw new FormatException($"--sweep '{text}': STEP must be positive and TO at least FROM");
        }

        if ((to - from) / step >= MaxValues)
        {
            throw new FormatException($"--sweep '{text}': more than {MaxValues} values; use a larger STEP");
        }

        var values = new List<decimal>();
        for (var value = from; value <= to; value += step)
        {
            values.Add(value);
        }

        return new SweepAxis(name, values);
    }

    /// <summary>Every combination of the axes' values, the first axis varying slowest.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, decimal>> Grid(IReadOnlyList<SweepAxis> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        IEnumerable<Dictionary<string, decimal>> grid = [new Dictionary<string, decimal>(StringComparer.Ordinal)];
        foreach (var axis in axes)
        {
            grid = grid.SelectMany(partial => axis.Values.Select(value => new Dictionary<string, decimal>(partial, StringComparer.Ordinal) { [axis.Name] = value }));
        }

        return [.. grid];
    }
}
