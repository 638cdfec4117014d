using System.Text.RegularExpressions;
using Arb.Engine.Execution;

namespace Arb.UnitTests.Engine.Execution;

public sealed partial class ClientOrderIdsTests
{
    private static readonly DateTimeOffset Session = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,36}$")]
    private static partial Regex BybitLinkId();

    [Fact]
    public void Ids_are_at_most_36_characters_of_the_set_Bybit_accepts_even_at_huge_sequence_numbers()
    {
        var ids = new ClientOrderIds(Session);
        var all = new List<string>();
        for (var i = 0; i < 1_000; i++)
        {
            var (spot, perp) = ids.NextPair();
            all.Add(spot);
            all.Add(perp);
            all.Add(ids.NextHedge());
        }

        Assert.All(all, id => Assert.Matches(BybitLinkId(), id));

        // The longest possible id: a session tag far in the future and a sequence number at long.MaxValue.
        var far = new ClientOrderIds(new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero));
        var longest = far.NextHedge().Replace("-1h", "-" + long.MaxValue + "h", StringComparison.Ordinal);
        Assert.Matches(BybitLinkId(), longest);
    }

    [Fact]
    public void A_pair_shares_its_sequence_and_its_legs_are_told_apart_by_the_suffix()
    {
        var ids = new ClientOrderIds(Session);

        var (spot, perp) = ids.NextPair();

        Assert.EndsWith("s", spot, StringComparison.Ordinal);
        Assert.EndsWith("p", perp, StringComparison.Ordinal);
        Assert.Equal(spot[..^1], perp[..^1]);
        Assert.StartsWith("arb-", spot, StringComparison.Ordinal);
        Assert.EndsWith("h", ids.NextHedge(), StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_never_repeat_across_pairs_and_hedges_even_from_many_threads()
    {
        var ids = new ClientOrderIds(Session);
        var all = new System.Collections.Concurrent.ConcurrentBag<string>();

        Parallel.For(0, 2_000, i =>
        {
            if (i % 3 == 0)
            {
                all.Add(ids.NextHedge());
            }
            else
            {
                var (spot, perp) = ids.NextPair();
                all.Add(spot);
                all.Add(perp);
            }
        });

        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
        // Case-insensitively distinct too: nothing relies on the venue comparing ids by case.
        Assert.Equal(all.Count, all.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Sessions_started_one_millisecond_apart_never_produce_the_same_id()
    {
        var first = new ClientOrderIds(Session);
        var second = new ClientOrderIds(Session.AddMilliseconds(1)); // a restart right after a crash
        var a = new HashSet<string>(StringComparer.Ordinal);
        var b = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 100; i++)
        {
            var (s1, p1) = first.NextPair();
            var (s2, p2) = second.NextPair();
            a.UnionWith([s1, p1, first.NextHedge()]);
            b.UnionWith([s2, p2, second.NextHedge()]);
        }

        Assert.Empty(a.Intersect(b));
    }

    [Fact]
    public void The_session_tag_is_the_start_time_in_base_36_milliseconds()
    {
        var ids = new ClientOrderIds(Session);
        var milliseconds = Session.ToUnixTimeMilliseconds();

        var tag = ids.NextHedge().Split('-')[1];

        long value = 0;
        foreach (var c in tag)
        {
            value = (value * 36) + (char.IsDigit(c) ? c - '0' : c - 'a' + 10);
        }

        Assert.Equal(milliseconds, value);
    }

    [Fact]
    public void A_custom_prefix_is_used_and_a_blank_one_refused()
    {
        Assert.StartsWith("bot-", new ClientOrderIds(Session, "bot").NextHedge(), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ClientOrderIds(Session, " "));
    }
}
