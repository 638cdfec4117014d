using Arb.UnitTests.Support;
using Xunit.Sdk;

namespace Arb.UnitTests.Simulator;

/// <summary>The shape check must fail on real differences, or the endpoint shape tests prove nothing.</summary>
public sealed class JsonShapeTests
{
    private const string Fixture = """
        {"retCode":"0","time":"1707905549267","result":{"ts":"1","list":[{"symbol":"BTCUSDT","price":"1.0","flag":true,"info":null,"levels":[["1.0","2"]]}]}}
        """;

    private const string Matching = """
        {"retCode":0,"time":1707905549267,"result":{"ts":1,"extra":5,"list":[{"symbol":"ETHUSDT","price":"2.0","flag":false,"info":null,"levels":[["3.0","4"],["5.0","6"]]},{"symbol":"BTCUSDT","price":"1.5","flag":true,"info":null,"levels":[["1.0","2"]]}]}}
        """;

    [Fact]
    public void A_document_with_the_same_keys_and_kinds_passes()
    {
        JsonShape.AssertSameShape(Fixture, Matching);
    }

    [Fact]
    public void A_missing_key_fails_with_its_path()
    {
        var actual = Matching.Replace("\"price\":\"1.5\",", string.Empty, StringComparison.Ordinal);

        var failure = Assert.Throws<FailException>(() => JsonShape.AssertSameShape(Fixture, actual));

        Assert.Contains("$.result.list[1].price: missing", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_where_the_fixture_has_a_string_fails_with_its_path()
    {
        var actual = Matching.Replace("\"price\":\"2.0\"", "\"price\":2.0", StringComparison.Ordinal);

        var failure = Assert.Throws<FailException>(() => JsonShape.AssertSameShape(Fixture, actual));

        Assert.Contains("$.result.list[0].price: fixture has a string, actual has a number", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"flag\":false", "\"flag\":\"false\"", "$.result.list[0].flag")]
    [InlineData("\"info\":null", "\"info\":{}", "$.result.list[0].info")]
    [InlineData("[\"5.0\",\"6\"]", "[\"5.0\",6]", "$.result.list[0].levels[1][1]")]
    [InlineData("[\"5.0\",\"6\"]", "[\"5.0\"]", "$.result.list[0].levels[1]")]
    [InlineData("\"levels\":[[\"1.0\",\"2\"]]", "\"levels\":[]", "$.result.list[1].levels: empty")]
    public void Other_kind_mismatches_fail_too(string from, string to, string expectedPath)
    {
        var actual = Matching.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Matching, actual);

        var failure = Assert.Throws<FailException>(() => JsonShape.AssertSameShape(Fixture, actual));

        Assert.Contains(expectedPath, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recorded_integer_strings_accept_numbers_only_at_the_envelope_and_book_id_paths()
    {
        const string fixture = """{"retCode":"0","result":{"u":"7","count":"3"}}""";

        JsonShape.AssertSameShape(fixture, """{"retCode":0,"result":{"u":7,"count":"3"}}""");
        var failure = Assert.Throws<FailException>(() => JsonShape.AssertSameShape(fixture, """{"retCode":0,"result":{"u":7,"count":3}}"""));

        Assert.Contains("$.result.count", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignored_paths_skip_their_subtree_in_every_row()
    {
        var actual = Matching.Replace("\"price\":\"1.5\",", string.Empty, StringComparison.Ordinal)
            .Replace("\"levels\":[[\"3.0\",\"4\"],[\"5.0\",\"6\"]]", "\"levels\":7", StringComparison.Ordinal);

        JsonShape.AssertSameShape(Fixture, actual, "$.result.list[0].price", "$.result.list[0].levels");
    }

    [Fact]
    public void The_exact_check_also_fails_on_keys_the_fixture_lacks()
    {
        var failure = Assert.Throws<FailException>(() => JsonShape.AssertExactShape(Fixture, Matching));

        Assert.Contains("$.result.extra: not in the fixture", failure.Message, StringComparison.Ordinal);
        JsonShape.AssertExactShape(Fixture, Matching, "$.result.extra");
    }
}
