using MultiRate.Inference.Kernels;

namespace MultiRate.Inference.ActionHead;

/// <summary>Re-draws a new <see cref="HeadNet"/>'s parameters with <see cref="FixedInit"/> (same bits on every CPU).</summary>
internal static class HeadInit
{
    /// <summary>PyTorch's Linear default for the gate and every expert layer, in module order.</summary>
    public static void Apply(HeadNet net)
    {
        FixedInit init = FixedInit.FromTorchGenerator();
        if (net.Gate is not null)
        {
            init.Linear(net.Gate);
        }

        foreach (ExpertMlp expert in net.Experts)
        {
            init.Linear(expert.Fc1);
            if (expert.Fc2 is not null)
            {
                init.Linear(expert.Fc2);
            }

            init.Linear(expert.Out);
        }
    }
}
