namespace Arb.Engine.Trading;

/// <summary>The whole engine at one moment: every symbol and the account's equity (ACCOUNT_EQUITY_USD + realized + unrealized).</summary>
public sealed record EngineStatus(DateTimeOffset Time, string Mode, decimal EquityUsd, IReadOnlyList<SymbolStatus> Symbols);
