using System.Net;
using MultiRate.Core.Errors;

namespace MultiRate.Live.Tests;

public class LiveEndpointTests
{
    [Theory]
    [InlineData("8765", "127.0.0.1", 8765)]
    [InlineData("0.0.0.0:8765", "0.0.0.0", 8765)]
    [InlineData("localhost:1", "127.0.0.1", 1)]
    [InlineData("[::1]:65535", "::1", 65535)]
    [InlineData("192.168.1.20:9000", "192.168.1.20", 9000)]
    public void Parse_ValidValue_HostAndPort(string value, string host, int port)
    {
        IPEndPoint endpoint = LiveEndpoint.Parse(value);

        Assert.Equal(IPAddress.Parse(host), endpoint.Address);
        Assert.Equal(port, endpoint.Port);
    }

    [Theory]
    [InlineData("0", "port must be a whole number from 1 to 65535")]
    [InlineData("65536", "port must be a whole number from 1 to 65535")]
    [InlineData("127.0.0.1:-5", "port must be a whole number from 1 to 65535")]
    [InlineData("eighty", "port must be a whole number from 1 to 65535")]
    [InlineData("robot.local:8765", "'robot.local' is not an IP address")]
    [InlineData("300.1.1.1:8765", "'300.1.1.1' is not an IP address")]
    public void Parse_BadValue_UserInputErrorNamingTheOption(string value, string why)
    {
        var ex = Assert.Throws<UserInputException>(() => LiveEndpoint.Parse(value));

        Assert.StartsWith($"--live {value}: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(why, ex.Message, StringComparison.Ordinal);
    }
}
