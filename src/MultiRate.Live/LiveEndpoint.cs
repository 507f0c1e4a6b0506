using System.Globalization;
using System.Net;
using MultiRate.Core.Errors;

namespace MultiRate.Live;

/// <summary>Parses <c>--live [HOST:]PORT</c>: the address the live server listens on.</summary>
public static class LiveEndpoint
{
    /// <summary>The host when only a port is given: loopback, so nothing is exposed unless asked for.</summary>
    public const string DefaultHost = "127.0.0.1";

    /// <summary>
    /// Parses <paramref name="value"/>: <c>PORT</c>, <c>HOST:PORT</c> or <c>[IPv6]:PORT</c>, where HOST
    /// is an IP address or <c>localhost</c> (<c>0.0.0.0</c> listens on every interface) and PORT is 1 to 65535.
    /// </summary>
    /// <param name="value">The option's value.</param>
    /// <param name="option">The option's name, for messages.</param>
    /// <exception cref="UserInputException">The value is not a valid address; the message names the option.</exception>
    public static IPEndPoint Parse(string value, string option = "--live")
    {
        ArgumentNullException.ThrowIfNull(value);
        string text = value.Trim();
        string host = DefaultHost;
        string port = text;
        int colon = text.LastIndexOf(':');
        if (colon >= 0)
        {
            host = text[..colon];
            port = text[(colon + 1)..];
            if (host.StartsWith('[') && host.EndsWith(']'))
            {
                host = host[1..^1];
            }
        }

        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number is < 1 or > 65535)
        {
            throw new UserInputException($"{option} {value}: the port must be a whole number from 1 to 65535 ({option} [HOST:]PORT, e.g. {option} 8765 or {option} 0.0.0.0:8765)");
        }

        IPAddress? address = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback : null;
        if (address is null && !IPAddress.TryParse(host, out address))
        {
            throw new UserInputException($"{option} {value}: '{host}' is not an IP address (use 127.0.0.1, localhost, 0.0.0.0 for every interface, or an interface's address)");
        }

        return new IPEndPoint(address, number);
    }
}
