using System.Text;
using MultiRate.Core.Errors;
using MultiRate.Core.IO;
using MultiRate.Logs.Decoding;

namespace MultiRate.Logs.Ros2Bag;

/// <summary>
/// Message definitions a bag does not store: <c>.msg</c> files under the given folders (a ROS 2
/// install's <c>share/</c>: <c>pkg/msg/Type.msg</c>), then the definitions shipped with MultiRate
/// for the common packages. Builds the full <c>ros2msg</c> text (the type, then every dependency
/// after a <c>===</c> line and <c>MSG:</c> header) that <see cref="Ros2MsgSchema"/> parses.
/// </summary>
internal sealed class Ros2MsgLibrary(IReadOnlyList<string> messagePaths)
{
    private const int MaxDefinitionBytes = 1 << 20;
    private readonly Dictionary<string, string?> cache = new(StringComparer.Ordinal);

    /// <summary>Refuses a message path that is not a folder: a typo would otherwise only surface as "no definition" for some type.</summary>
    /// <exception cref="UserInputException">A path is missing or not a directory.</exception>
    public static void CheckFolders(IReadOnlyList<string> messagePaths)
    {
        ArgumentNullException.ThrowIfNull(messagePaths);
        foreach (string path in messagePaths)
        {
            if (string.IsNullOrWhiteSpace(path) || !Directory.Exists(path))
            {
                string what = File.Exists(path) ? "is a file" : "is not a folder that exists";
                throw new UserInputException($"--msg-path '{path}': {what}; expected a folder of message definitions (pkg/msg/Type.msg, as a ROS 2 install's share/)");
            }
        }
    }

    /// <summary>The full ros2msg text for <paramref name="typeName"/>, or null when the type or one of its dependencies is unknown.</summary>
    /// <param name="typeName">A type name, <c>pkg/msg/Type</c> or <c>pkg/Type</c>.</param>
    /// <param name="missing">The first type that could not be found, when the result is null.</param>
    public string? Resolve(string typeName, out string? missing)
    {
        missing = null;
        string? root = Ros2TypeNames.Canonical(typeName);
        if (root is null)
        {
            missing = typeName;
            return null;
        }

        var order = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { root };
        var pending = new Queue<string>([root]);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out string? type))
        {
            if (Find(type) is not { } text)
            {
                missing = type;
                return null;
            }

            texts[type] = text;
            order.Add(type);
            foreach (string dependency in Dependencies(type, text).Where(seen.Add))
            {
                pending.Enqueue(dependency);
            }
        }

        var full = new StringBuilder(texts[root]);
        foreach (string type in order.Skip(1))
        {
            full.Append("\n================================================================================\nMSG: ").Append(type).Append('\n').Append(texts[type]);
        }

        return full.ToString();
    }

    /// <summary>Types a definition refers to, by canonical name (primitives left out).</summary>
    internal static IEnumerable<string> Dependencies(string owner, string text)
    {
        string package = owner.Split('/')[0];
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.Split('#')[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            string type = line.Split([' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries)[0];
            int bracket = type.IndexOf('[', StringComparison.Ordinal);
            type = bracket >= 0 ? type[..bracket] : type;
            int bound = type.IndexOf("<=", StringComparison.Ordinal);
            type = bound >= 0 ? type[..bound] : type;
            if (Ros2TypeNames.Primitives.ContainsKey(type))
            {
                continue;
            }

            string? canonical = type.Contains('/', StringComparison.Ordinal)
                ? Ros2TypeNames.Canonical(type)
                : Ros2TypeNames.ShortAliases.GetValueOrDefault(type, $"{package}/msg/{type}");
            if (canonical is not null)
            {
                yield return canonical;
            }
        }
    }

    private string? Find(string canonical)
    {
        if (cache.TryGetValue(canonical, out string? known))
        {
            return known;
        }

        string[] parts = canonical.Split('/');
        string? text = null;
        foreach (string root in messagePaths)
        {
            string file = System.IO.Path.Combine(root, parts[0], parts[1], parts[2] + ".msg");
            if (File.Exists(file))
            {
                // Checked as any input: a FIFO would block the read for ever, a huge file is refused by name.
                text = InputFiles.ReadText(file, "message definition", MaxDefinitionBytes);
                break;
            }
        }

        text ??= Shipped(parts[0], parts[2]);
        cache[canonical] = text;
        return text;
    }

    private static string? Shipped(string package, string type)
    {
        using Stream? stream = typeof(Ros2MsgLibrary).Assembly.GetManifestResourceStream($"ros2msg/{package}/{type}.msg");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
