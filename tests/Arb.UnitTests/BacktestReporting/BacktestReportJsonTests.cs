using System.Text;
using System.Text.Json;
using Arb.Cli.Backtest;
using Arb.Engine.Backtest;

namespace Arb.UnitTests.BacktestReporting;

public sealed class BacktestReportJsonTests
{
    private static BacktestReport WithTinyAndHugeDecimals()
    {
        var report = ReportSamples.Full();
        return report with
        {
            Total = report.Total with { FeesUsd = 0.00000001m, VolumeUsd = 123456789.123456789m, FundingUsd = 1.50m },
        };
    }

    [Fact]
    public void Decimals_are_written_with_their_own_digits_and_read_back_exactly()
    {
        var report = WithTinyAndHugeDecimals();

        var json = BacktestReportJson.Serialize(report);
        var read = BacktestReportJson.Read(json);

        Assert.Contains("\"feesUsd\": 0.00000001,", json, StringComparison.Ordinal);
        Assert.Contains("\"volumeUsd\": 123456789.123456789,", json, StringComparison.Ordinal);
        Assert.Contains("\"fundingUsd\": 1.50,", json, StringComparison.Ordinal);
        Assert.Equal(0.00000001m, read.Total.FeesUsd);
        Assert.Equal(123456789.123456789m, read.Total.VolumeUsd);
        Assert.Equal("1.50", read.Total.FundingUsd.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(report.Total, read.Total);
        Assert.Equal(report.Equity, read.Equity);
        Assert.Equal(report.Basis, read.Basis);
        Assert.Equal(report.Decisions, read.Decisions);
        Assert.Equal(report.Settings, read.Settings);
        Assert.Equal(report.ShareOfOracle, read.ShareOfOracle);
    }

    [Fact]
    public void The_same_report_gives_the_same_bytes()
    {
        var first = BacktestReportJson.SerializeToUtf8Bytes(ReportSamples.Full());
        var second = BacktestReportJson.SerializeToUtf8Bytes(ReportSamples.Full());

        Assert.Equal(first, second);
        Assert.DoesNotContain((byte)'\r', first);
    }

    [Fact]
    public void Names_are_camel_case_enums_are_names_and_times_also_read_as_utc()
    {
        using var json = JsonDocument.Parse(BacktestReportJson.Serialize(ReportSamples.Full()));
        var root = json.RootElement;

        Assert.Equal(0.25m, root.GetProperty("shareOfOracle").GetDecimal());
        Assert.Equal("2025-06-01T12:00:00.000Z", root.GetProperty("input").GetProperty("firstTimeUtc").GetString());
        Assert.Equal("2025-06-01T16:59:00.000Z", root.GetProperty("input").GetProperty("lastTimeUtc").GetString());
        Assert.Equal(300, root.GetProperty("input").GetProperty("rowsByMarket").GetProperty("BTCUSDT spot").GetInt64());
        var decision = root.GetProperty("decisions")[2];
        Assert.Equal("OpenReverse", decision.GetProperty("kind").GetString());
        Assert.Equal("2025-06-01T13:20:00.000Z", decision.GetProperty("timeUtc").GetString());
        Assert.Equal("ENTRY_BPS", root.GetProperty("settings").EnumerateObject().First().Name);
    }

    [Fact]
    public void An_empty_report_writes_null_times_and_empty_series()
    {
        var json = BacktestReportJson.Serialize(ReportSamples.Empty());

        Assert.Contains("\"firstTimeUtc\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"oracle\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"equity\": []", json, StringComparison.Ordinal);
        Assert.Equal(ReportSamples.Empty().Total, BacktestReportJson.Read(json).Total);
    }

    [Fact]
    public void The_file_is_utf8_without_a_byte_order_mark()
    {
        var bytes = BacktestReportJson.SerializeToUtf8Bytes(ReportSamples.Full());

        Assert.Equal((byte)'{', bytes[0]);
        Assert.Contains("\"riskStop\": \"daily loss limit reached: -100 USDT\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Input_summary_round_trips_in_order()
    {
        var report = ReportSamples.Full();

        var read = BacktestReportJson.Read(BacktestReportJson.Serialize(report));

        Assert.Equal(report.Input.RowsByMarket.Keys, read.Input.RowsByMarket.Keys);
        Assert.Equal(report.Input.BadRowsSkipped, read.Input.BadRowsSkipped);
        Assert.Equal(report.Input.FirstTimeMs, read.Input.FirstTimeMs);
        Assert.IsType<InputSummary>(read.Input);
    }
}
