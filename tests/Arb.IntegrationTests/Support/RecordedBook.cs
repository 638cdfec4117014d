using System.Globalization;
using System.Text.Json.Nodes;

using Arb.UnitTests.Support;

namespace Arb.IntegrationTests.Support;

/// <summary>
/// The recorded BTCUSDT book of one market (snapshot and the delta that followed it) and deltas that carry it
/// on: they change the size at the recorded best bid, so the book stays as recorded around it.
/// </summary>
internal sealed class RecordedBook
{
    private readonly JsonObject _snapshot;
    private readonly string _topic;
    private readonly string _bestBid;

    private RecordedBook(string snapshotFixture, string deltaFixture)
    {
        _snapshot = JsonNode.Parse(File.ReadAllText(FixtureFiles.BybitPath(snapshotFixture)))!.AsObject();
        Delta = JsonNode.Parse(File.ReadAllText(FixtureFiles.BybitPath(deltaFixture)))!.ToJsonString();
        _topic = _snapshot["topic"]!.GetValue<string>();
        SnapshotUpdateId = _snapshot["data"]!["u"]!.GetValue<long>();
        _bestBid = _snapshot["data"]!["b"]![0]![0]!.GetValue<string>();
    }

    public long SnapshotUpdateId { get; }

    public string Delta { get; }

    public static RecordedBook For(string category) => category == "spot"
        ? new RecordedBook("ws_orderbook_spot_snapshot.gocryptotrader.json", "ws_orderbook_spot_delta.gocryptotrader.json")
        : new RecordedBook("ws_orderbook_linear_snapshot.thirdparty.json", "ws_orderbook_linear_delta.thirdparty.json");

    public string SnapshotWithUpdateId(long updateId)
    {
        var copy = _snapshot.DeepClone().AsObject();
        copy["data"]!["u"] = updateId;
        return copy.ToJsonString();
    }

    public string SyntheticDelta(long updateId, int n)
    {
        var size = (0.5m + (n % 7 * 0.001m)).ToString(CultureInfo.InvariantCulture);
        return $$$"""{"topic":"{{{_topic}}}","type":"delta","ts":{{{1_800_000_000_000 + updateId}}},"data":{"s":"BTCUSDT","b":[["{{{_bestBid}}}","{{{size}}}"]],"a":[],"u":{{{updateId}}},"seq":{{{updateId}}}},"cts":{{{1_800_000_000_000 + updateId}}}}""";
    }
}
