using MultiRate.Core.Modules;
using MultiRate.Core.Rates;

namespace MultiRate.Runtime.Composition;

/// <summary>The module instances a profile names: one action head and a context module per slow clock's module.</summary>
public sealed class PolicyModules : IDisposable
{
    /// <summary>Creates the set; it owns and disposes the modules.</summary>
    public PolicyModules(IActionHead head, IReadOnlyDictionary<string, IContextModule> contexts)
    {
        Head = head;
        Contexts = contexts;
    }

    /// <summary>The action head.</summary>
    public IActionHead Head { get; }

    /// <summary>Context modules by profile module name.</summary>
    public IReadOnlyDictionary<string, IContextModule> Contexts { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        Head.Dispose();
        foreach (IContextModule m in Contexts.Values)
        {
            m.Dispose();
        }
    }
}
