namespace Arb.IntegrationTests;
