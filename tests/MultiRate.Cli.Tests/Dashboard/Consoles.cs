using Spectre.Console;

namespace MultiRate.Cli.Tests.Dashboard;

/// <summary>Spectre consoles over a <see cref="StringWriter"/>.</summary>
internal static class Consoles
{
    public static IAnsiConsole Plain(StringWriter output) => Create(output, ColorSystemSupport.NoColors, AnsiSupport.No);

    public static IAnsiConsole Colour(StringWriter output) => Create(output, ColorSystemSupport.Standard, AnsiSupport.Yes);

    private static IAnsiConsole Create(StringWriter output, ColorSystemSupport colours, AnsiSupport ansi)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            ColorSystem = colours,
            Ansi = ansi,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        return console;
    }
}
