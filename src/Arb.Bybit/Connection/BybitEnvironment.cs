namespace Arb.Bybit.Connection;

/// <summary>Which Bybit deployment the bot talks to (<c>BYBIT_ENV</c>).</summary>
public enum BybitEnvironment
{
    Mainnet,
    Testnet,
    Demo,
}
