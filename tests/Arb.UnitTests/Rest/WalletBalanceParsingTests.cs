using Arb.Bybit.Rest;
using Arb.Domain.Trading;

namespace Arb.UnitTests.Rest;

public sealed class WalletBalanceParsingTests
{
    [Fact]
    public void Docs_wallet_parses_totals_and_the_one_coin()
    {
        var wallet = AccountParsers.ParseWalletBalance(FixtureEnvelope.Load("rest_wallet_balance.docs.json").Result);

        Assert.Equal("UNIFIED", wallet.AccountType);
        Assert.Equal((3.31216591m, 3.00326056m, 3.00326056m, 3.00326056m), (wallet.TotalEquity, wallet.TotalWalletBalance, wallet.TotalMarginBalance, wallet.TotalAvailableBalance));
        Assert.Equal((0m, 0m, 0m), (wallet.TotalPerpUnrealisedPnl, wallet.TotalInitialMargin, wallet.TotalMaintenanceMargin));
        Assert.Equal(new CoinBalance("BTC", 0m, 0m, 0m), Assert.Single(wallet.Coins));
    }

    [Fact]
    public void Ccxt_wallet_parses_every_coin_and_free_is_wallet_minus_locked()
    {
        var wallet = AccountParsers.ParseWalletBalance(FixtureEnvelope.Load("rest_wallet_balance.ccxt.json").Result);

        Assert.Equal((92255.96988644m, 90060.46626531m, 90042.2788482m, 89987.9688149m), (wallet.TotalEquity, wallet.TotalWalletBalance, wallet.TotalMarginBalance, wallet.TotalAvailableBalance));
        Assert.Equal((-21.66812467m, 54.3100333m, 7.38826721m), (wallet.TotalPerpUnrealisedPnl, wallet.TotalInitialMargin, wallet.TotalMaintenanceMargin));
        Assert.Equal(["USDC", "BTC", "ETH", "ADA", "XRP", "USDT", "LTC"], wallet.Coins.Select(c => c.Coin));
        var usdt = wallet.Find("USDT")!;
        Assert.Equal(new CoinBalance("USDT", 3322.25896609m, 42m, 3304.29766609m), usdt);
        Assert.Equal(3280.25896609m, usdt.Free);
        Assert.Equal(new CoinBalance("BTC", 0.85581394m, 0m, 0.85581394m), wallet.Find("BTC"));
        Assert.Null(wallet.Find("SOL"));
    }
}
