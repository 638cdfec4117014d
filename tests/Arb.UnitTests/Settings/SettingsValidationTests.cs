using Arb.Cli.Settings;

namespace Arb.UnitTests.Settings;

public sealed class SettingsValidationTests
{
    private const string WholeFrom1 = "expected a whole number >= 1";
    private const string PortRange = "expected a whole number from 1 to 65535";
    private const string PromPortRange = "expected a whole number from 0 to 65535";
    private const string PositiveUsd = "expected a USD amount greater than 0";
    private const string PositiveSeconds = "expected a number of seconds from 0.001 to 86400";

    /// <summary>(variable, bad value, fragment of the expected message).</summary>
    private static readonly (string Variable, string Value, string Fragment)[] BadValueRows =
    [
        ("PROM_PORT", "http", PromPortRange),
        ("PROM_PORT", "-1", PromPortRange),
        ("PROM_PORT", "65536", PromPortRange),
        ("PROM_PORT", "80.5", PromPortRange),
        ("SMTP_PORT", "smtp", PortRange),
        ("SMTP_PORT", "-25", PortRange),
        ("SMTP_PORT", "70000", PortRange),

        ("WS_LIVENESS_TIMEOUT", "thirty", PositiveSeconds),
        ("WS_LIVENESS_TIMEOUT", "-5", PositiveSeconds),
        ("WS_LIVENESS_TIMEOUT", "0", PositiveSeconds),
        ("WS_LIVENESS_TIMEOUT", "86401", PositiveSeconds),
        ("WS_LIVENESS_TIMEOUT", "30s", PositiveSeconds),
        ("LIVENESS_TIMEOUT", "thirty", PositiveSeconds),
        ("LIVENESS_TIMEOUT", "-5", PositiveSeconds),
        ("LIVENESS_TIMEOUT", "0", PositiveSeconds),
        ("STATE_SAVE_SEC", "often", PositiveSeconds),
        ("STATE_SAVE_SEC", "-1", PositiveSeconds),
        ("STATE_SAVE_SEC", "0", PositiveSeconds),
        ("PNL_LOG_SEC", "hourly", PositiveSeconds),
        ("PNL_LOG_SEC", "0", PositiveSeconds),
        ("MODE", "real", "expected one of auto, live, paper, sim"),
        ("ENTRY_EDGE_BPS", "wide", "expected basis points from -1000 to 1000"),
        ("ENTRY_EDGE_BPS", "1001", "expected basis points from -1000 to 1000"),
        ("EXIT_EDGE_BPS", "-1500", "expected basis points from -1000 to 1000"),
        ("ALLOW_REVERSE", "maybe", "expected true or false"),
        ("HOLDING_HORIZON_SEC", "-1", "expected a number of seconds from 0 to 86400"),
        ("LEVERAGE", "0", "expected a whole number from 1 to 100"),
        ("LEVERAGE", "2.5", "expected a whole number from 1 to 100"),
        ("LEG_HEDGE_TIMEOUT_SEC", "0", PositiveSeconds),
        ("SLIPPAGE_TOLERANCE_BPS", "-1", "expected basis points from 0 to 500"),
        ("SLIPPAGE_TOLERANCE_BPS", "tight", "expected basis points from 0 to 500"),
        ("SPOT_TAKER_FEE", "0.1%", "expected a fee rate from 0 to below 0.01"),
        ("PERP_TAKER_FEE", "0.02", "expected a fee rate from 0 to below 0.01"),
        ("BASIS_VOL_WINDOW", "1", "expected a whole number from 2 to 100000"),
        ("TRADE_COOLDOWN_SEC", "half", "expected a number of seconds from 0 to 86400"),
        ("TRADE_COOLDOWN_SEC", "-0.5", "expected a number of seconds from 0 to 86400"),

        ("MAX_DRAWDOWN_USD", "lots", PositiveUsd),
        ("MAX_DRAWDOWN_USD", "-200", PositiveUsd),
        ("MAX_DRAWDOWN_USD", "0", PositiveUsd),
        ("MAX_POSITION_USD", "a grand", PositiveUsd),
        ("MAX_POSITION_USD", "-1000", PositiveUsd),
        ("MAX_POSITION_USD", "1,000", PositiveUsd),
        ("MAX_POSITION_USD", "1e3", PositiveUsd),
        ("MAX_EXPOSURE_USD", "lots", PositiveUsd),
        ("MAX_EXPOSURE_USD", "-3000", PositiveUsd),
        ("MAX_RELATIVE_DRAWDOWN_USD", "lots", PositiveUsd),
        ("MAX_RELATIVE_DRAWDOWN_USD", "-150", PositiveUsd),
        ("MAX_SYMBOL_DRAWDOWN_USD", "lots", PositiveUsd),
        ("MAX_SYMBOL_DRAWDOWN_USD", "-100", PositiveUsd),
        ("MAX_SYMBOL_REL_DRAWDOWN_USD", "lots", PositiveUsd),
        ("MAX_SYMBOL_REL_DRAWDOWN_USD", "-75", PositiveUsd),
        ("ACCOUNT_EQUITY_USD", "rich", PositiveUsd),
        ("ACCOUNT_EQUITY_USD", "-10000", PositiveUsd),
        ("ACCOUNT_EQUITY_USD", "0", PositiveUsd),
        ("DAILY_DRAWDOWN_USD", "lots", PositiveUsd),
        ("DAILY_DRAWDOWN_USD", "-100", PositiveUsd),
        ("MAX_PROFIT_USD", "many", "expected a USD amount >= 0 (0 disables the limit)"),
        ("MAX_PROFIT_USD", "-1", "expected a USD amount >= 0 (0 disables the limit)"),
        ("RISK_PER_TRADE", "1%", "expected a fraction greater than 0 and at most 1"),
        ("RISK_PER_TRADE", "-0.01", "expected a fraction greater than 0 and at most 1"),
        ("RISK_PER_TRADE", "0", "expected a fraction greater than 0 and at most 1"),
        ("RISK_PER_TRADE", "1.5", "expected a fraction greater than 0 and at most 1"),

        ("MAX_CONSECUTIVE_LOSSES", "five", WholeFrom1),
        ("MAX_CONSECUTIVE_LOSSES", "-5", WholeFrom1),
        ("MAX_CONSECUTIVE_LOSSES", "0", WholeFrom1),
        ("MAX_CONSECUTIVE_LOSSES", "2.5", WholeFrom1),
        ("ERROR_LIMIT", "five", WholeFrom1),
        ("ERROR_LIMIT", "-5", WholeFrom1),
        ("ERROR_LIMIT", "0", WholeFrom1),
        ("MAX_DAILY_TRADES", "many", WholeFrom1),
        ("MAX_DAILY_TRADES", "-200", WholeFrom1),
        ("MAX_DAILY_TRADES", "0", WholeFrom1),
        ("PARALLEL_TASKS", "four", "expected a whole number from 1 to 256"),
        ("PARALLEL_TASKS", "-4", "expected a whole number from 1 to 256"),
        ("PARALLEL_TASKS", "0", "expected a whole number from 1 to 256"),
        ("PARALLEL_TASKS", "257", "expected a whole number from 1 to 256"),

        ("ORDERBOOK_DEPTH", "25", "expected one of 1, 50, 200, 1000"),
        ("ORDERBOOK_DEPTH", "-50", "expected one of 1, 50, 200, 1000"),
        ("ORDERBOOK_DEPTH", "500", "expected one of 1, 50, 200, 1000"),
        ("ORDERBOOK_DEPTH", "deep", "expected one of 1, 50, 200, 1000"),
        ("BYBIT_ENV", "prod", "expected one of mainnet, testnet, demo"),
        ("BYBIT_ENV", "live", "expected one of mainnet, testnet, demo"),
        ("LOG_LEVEL", "verbose", "expected one of trace, debug, information, warning, error"),
        ("LOG_LEVEL", "info", "expected one of trace, debug, information, warning, error"),
        ("SMTP_USE_TLS", "maybe", "expected true or false"),

        ("SYMBOLS", "BTC-USDT", "(\"BTC-USDT\" is not one)"),
        ("SYMBOLS", "BTC/USDT", "(\"BTC/USDT\" is not one)"),
        ("SYMBOLS", "BTCUSD", "(\"BTCUSD\" is not one)"),
        ("SYMBOLS", "ETHUSDT,btc-usdt", "(\"btc-usdt\" is not one)"),
        ("SYMBOLS", "USDT", "expected comma-separated USDT pairs"),
        ("SYMBOLS", "BTCUSDTX", "expected comma-separated USDT pairs"),
        ("SYMBOLS", ", ,", "expected at least one symbol"),

        ("BYBIT_REST_URL", "api.bybit.com", "expected an absolute http:// or https:// URL"),
        ("BYBIT_REST_URL", "ftp://api.bybit.com", "expected an absolute http:// or https:// URL"),
        ("BYBIT_REST_URL", "wss://api.bybit.com", "expected an absolute http:// or https:// URL"),
        ("BYBIT_REST_URL", "https://api.bybit.com/?x=1", "without query or fragment"),
        ("BYBIT_REST_URL", "not a url", "expected an absolute http:// or https:// URL"),
        ("BYBIT_WS_URL", "https://stream.bybit.com", "expected an absolute ws:// or wss:// URL"),
        ("BYBIT_WS_URL", "stream.bybit.com", "expected an absolute ws:// or wss:// URL"),
        ("BYBIT_WS_URL", "wss://stream.bybit.com/#x", "without query or fragment"),

        ("PROM_HOST", "bad host!", "expected a host name or IP address"),
        ("SMTP_HOST", "smtp example.com", "expected a host name or IP address"),
        ("ALERT_EMAIL_TO", "ops", "(\"ops\" is not one)"),
        ("ALERT_EMAIL_TO", "ops@example.com;dev@example.com", "expected comma-separated email addresses"),
        ("ALERT_EMAIL_TO", "ops@example.com,@example.com", "(\"@example.com\" is not one)"),
        ("ALERT_EMAIL_TO", ",", "expected one or more comma-separated email addresses"),
        ("ALERT_EMAIL_FROM", "bot", "expected an email address"),
        ("ALERT_EMAIL_FROM", "Bot <bot@example.com>", "expected an email address"),
        ("TELEGRAM_CHAT_ID", "my chat", "expected a numeric chat id"),
        ("TELEGRAM_CHAT_ID", "alerts", "expected a numeric chat id"),
        ("TELEGRAM_API_URL", "api.telegram.org", "expected an absolute http:// or https:// URL"),
        ("TELEGRAM_API_URL", "ftp://api.telegram.org", "expected an absolute http:// or https:// URL"),
        ("TELEGRAM_API_URL", "https://api.telegram.org/?x=1", "without query or fragment"),

        ("STATE_FILE", "logs/state.bak.json", "expected a different file than STATE_BACKUP_FILE"),
        ("STATE_BACKUP_FILE", "logs/state.json", "expected a different file than STATE_FILE"),
        ("PNL_LOG", "logs/trades.csv", "expected a different file than TRADES_LOG"),
        ("TRADES_LOG", "./logs/pnl.csv", "expected a different file than PNL_LOG"),
        ("POLICY_DIR", "pol\0icies", "expected a file system path without control characters"),
        ("RL_ONLINE_LEARNING", "sometimes", "expected true or false"),
        ("PNL_LOG", "logs/pnl\n.csv", "expected a file system path without control characters"),
    ];

    public static TheoryData<string, string, string> BadValues()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (variable, value, fragment) in BadValueRows)
        {
            data.Add(variable, value, fragment);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_bad_value_names_the_variable_the_value_and_what_is_allowed(string variable, string value, string fragment)
    {
        var ex = SettingsTestHelpers.LoadFails((variable, value));

        Assert.Equal(variable, ex.Variable);
        Assert.StartsWith($"{variable}={SettingsException.Quote(value)} is not allowed: expected ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
        AssertOneLine(ex.Message);
    }

    [Fact]
    public void The_exact_message_format_is_stable()
    {
        var ex = SettingsTestHelpers.LoadFails(("ORDERBOOK_DEPTH", "25"));

        Assert.Equal("ORDERBOOK_DEPTH=\"25\" is not allowed: expected one of 1, 50, 200, 1000", ex.Message);
    }

    [Fact]
    public void Every_validated_setting_has_a_bad_value_row()
    {
        // Free text (a user name) and secrets are covered elsewhere; everything else must have a rejection test.
        string[] notHere = ["SMTP_USER", .. SettingNames.Secrets];
        var covered = BadValueRows.Select(r => r.Variable).ToHashSet(StringComparer.Ordinal);

        var uncovered = SettingNames.All.Except(notHere).Where(name => !covered.Contains(name)).ToList();

        Assert.True(uncovered.Count == 0, "no bad-value row for: " + string.Join(", ", uncovered));
    }

    [Theory]
    [InlineData("BYBIT_API_SECRET", "it is required when BYBIT_API_KEY is set", "BYBIT_API_KEY=key-only-value")]
    [InlineData("BYBIT_API_KEY", "it is required when BYBIT_API_SECRET is set", "BYBIT_API_SECRET=secret-only-value")]
    [InlineData("TELEGRAM_CHAT_ID", "it is required when TELEGRAM_BOT_TOKEN is set", "TELEGRAM_BOT_TOKEN=123:token-only-value")]
    [InlineData("TELEGRAM_BOT_TOKEN", "it is required when TELEGRAM_CHAT_ID is set", "TELEGRAM_CHAT_ID=42")]
    [InlineData("ALERT_EMAIL_FROM", "it is required when email alerts are enabled", "SMTP_HOST=smtp.example.com", "ALERT_EMAIL_TO=ops@example.com")]
    [InlineData("ALERT_EMAIL_TO", "it is required when SMTP_HOST is set", "SMTP_HOST=smtp.example.com")]
    [InlineData("BYBIT_API_KEY", "it is required when MODE is live", "MODE=live")]
    [InlineData("SMTP_HOST", "it is required when ALERT_EMAIL_TO is set", "ALERT_EMAIL_TO=ops@example.com")]
    [InlineData("SMTP_PASSWORD", "it is required when SMTP_USER is set", "SMTP_USER=bot")]
    [InlineData("SMTP_USER", "it is required when SMTP_PASSWORD is set", "SMTP_PASSWORD=password-only-value")]
    public void A_missing_companion_value_is_named(string variable, string reason, params string[] assignments)
    {
        var pairs = SettingsTestHelpers.Pairs(assignments);

        var ex = SettingsTestHelpers.LoadFails(pairs);

        Assert.Equal(variable, ex.Variable);
        Assert.StartsWith($"{variable} is not set: {reason}", ex.Message, StringComparison.Ordinal);
        AssertOneLine(ex.Message);
        foreach (var (name, value) in pairs.Where(p => SettingNames.Secrets.Contains(p.Name)))
        {
            Assert.DoesNotContain(value!, ex.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("BYBIT_API_KEY", "key with-space")]
    [InlineData("BYBIT_API_SECRET", "secret\"quote")]
    [InlineData("SMTP_PASSWORD", "pass word")]
    [InlineData("TELEGRAM_BOT_TOKEN", "not-a-bot-token")]
    public void A_bad_secret_is_reported_without_its_value(string variable, string value)
    {
        var ex = SettingsTestHelpers.LoadFails((variable, value));

        Assert.Equal(variable, ex.Variable);
        Assert.StartsWith($"{variable}=(hidden) is not allowed: expected ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, ex.Message, StringComparison.Ordinal);
        AssertOneLine(ex.Message);
    }

    [Fact]
    public void A_long_or_multi_line_value_is_shown_on_one_short_line()
    {
        var ex = SettingsTestHelpers.LoadFails(("PROM_HOST", "line one\nline two " + new string('x', 200)));

        AssertOneLine(ex.Message);
        Assert.Contains("line one\\nline two", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Message.Length < 200, ex.Message);
    }

    private static void AssertOneLine(string message)
    {
        Assert.DoesNotContain('\n', message);
        Assert.DoesNotContain('\r', message);
    }
}
