using Arb.Bybit.Rest;
using Arb.UnitTests.Support;

namespace Arb.UnitTests.Rest;

/// <summary>Reads a Bybit fixture through the same envelope parser the client uses.</summary>
internal static class FixtureEnvelope
{
    public static ResponseEnvelope Load(string fileName)
    {
        var envelope = ResponseEnvelope.Parse(FixtureFiles.BybitBytes(fileName));
        Assert.Equal(0, envelope.RetCode);
        return envelope;
    }
}
