using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Arb.Engine.Backtest;

namespace Arb.Cli.Backtest;

/// <summary>
/// report.json: the whole <see cref="BacktestReport"/> as indented JSON. Decimals are written as JSON numbers with
/// the decimal's own digits (0.00000001 stays 0.00000001, trailing zeros kept), enums as their names, names in
/// camelCase. Epoch-millisecond times stay numbers; the input's first and last time and each decision also get an
/// ISO 8601 UTC string beside them, for a person reading the file. The same report always gives the same bytes:
/// properties follow the model's declaration order and dictionaries their (already sorted) insertion order.
/// </summary>
internal static class BacktestReportJson
{
    /// <summary>The serializer settings report.json is written and read with.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The report as JSON text, lines ending in '\n' on every platform.</summary>
    public static string Serialize(BacktestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(report, Options);
    }

    /// <summary>The report as UTF-8 JSON (no byte order mark).</summary>
    public static byte[] SerializeToUtf8Bytes(BacktestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.SerializeToUtf8Bytes(report, Options);
    }

    /// <summary>Writes the report to <paramref name="path"/>, replacing any file there.</summary>
    public static void Write(string path, BacktestReport report) => File.WriteAllBytes(path, SerializeToUtf8Bytes(report));

    /// <summary>Reads a report written by <see cref="Serialize"/>; the added UTC strings and the share of the oracle are derived, so they are skipped.</summary>
    public static BacktestReport Read(string json) =>
        JsonSerializer.Deserialize<BacktestReport>(json, Options) ?? throw new JsonException("report.json holds null");

    /// <summary>Epoch milliseconds as ISO 8601 UTC with milliseconds ("2025-06-01T12:00:00.000Z").</summary>
    public static string IsoUtc(long timeMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(timeMs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            // Environment.NewLine would make the bytes depend on the machine.
            NewLine = "\n",
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            // Dictionary keys are data (symbols, setting names, markets): kept as they are.
            DictionaryKeyPolicy = null,
            // A flat basis can still give a non-finite double; write it rather than fail the whole report.
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            // The file is read by people and tools, never embedded in a page: no need to escape '+', '<' or non-ASCII.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { AddUtcTimes } },
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly();
        return options;
    }

    // Adds read-only "…Utc" strings next to the times a reader looks up; they have no setter, so reading skips them.
    private static void AddUtcTimes(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type == typeof(InputSummary))
        {
            AddUtc(typeInfo, "firstTimeUtc", o => ((InputSummary)o).FirstTimeMs);
            AddUtc(typeInfo, "lastTimeUtc", o => ((InputSummary)o).LastTimeMs);
        }
        else if (typeInfo.Type == typeof(DecisionMark))
        {
            AddUtc(typeInfo, "timeUtc", o => ((DecisionMark)o).TimeMs);
        }
    }

    private static void AddUtc(JsonTypeInfo typeInfo, string name, Func<object, long?> timeMs)
    {
        var property = typeInfo.CreateJsonPropertyInfo(typeof(string), name);
        property.Get = o => timeMs(o) is { } ms ? IsoUtc(ms) : null;
        typeInfo.Properties.Add(property);
    }
}
