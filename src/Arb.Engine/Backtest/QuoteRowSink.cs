namespace Arb.Engine.Backtest;

/// <summary>Receives one row read by <see cref="QuoteCsvReader.ReadInto"/>; the row is passed by reference for the call only.</summary>
public delegate void QuoteRowSink(in QuoteRow row);
