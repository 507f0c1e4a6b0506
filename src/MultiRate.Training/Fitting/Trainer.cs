using System.Diagnostics;
using MultiRate.Training.Data;
using MultiRate.Training.Evaluation;
using MultiRate.Training.Model;
using MultiRate.Training.Schedule;
using TorchSharp;
using TorchSharp.Modules;

namespace MultiRate.Training.Fitting;

/// <summary>
/// Behaviour cloning of the head and context module end to end: mini-batch Adam on the training
/// samples, validation loss after every epoch, early stopping, and the best epoch's weights kept.
/// </summary>
/// <remarks>
/// Deterministic under a seed: the weights start from the seeded init, the batch order comes from
/// <see cref="Random"/> seeded with the same seed, and nothing else draws random numbers (no
/// dropout). In multi-rate mode the samples that read the same latent form one group, so a batch
/// computes few context windows; groups, not samples, are shuffled. Loss: mean squared error per
/// target dimension divided by that target's training variance. The kept weights' scores (the
/// estimate) are of the actions the runtime would send (<see cref="DeployedOutput"/>: its rate and
/// range limits, replayed from tick 0), so they are the replay's scores; the validation loss that picks
/// the epoch is of the head's raw outputs, as the training loss is.
/// </remarks>
internal sealed class Trainer(TrainablePolicy policy, SampleSet samples, ScheduleTimeline timeline, TrainingOptions options, DeployedOutput output)
{
    private const int EvalChunk = 512;

    public FitResult Fit(TimeSplit split, int seed, Action<TrainingProgress>? progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(split);
        var wall = Stopwatch.StartNew();
        int[] train = split.TrainIndices(samples.TimesNs);
        int[] validation = split.ValidationIndices(samples.TimesNs);
        if (train.Length == 0 || validation.Length == 0)
        {
            throw new Core.Errors.UserInputException($"the log is too short to split: {train.Length} training and {validation.Length} validation samples");
        }

        var random = new Random(seed);
        Pairing nominal = Pairing.Build(timeline, options.Mode);
        var batches = new BatchBuilder(samples, [.. timeline.Levels.Select(l => l.WindowRows)], policy.Config.Context.History);
        Normalizer targetStats = Normalizer.Fit(samples.Targets, samples.TargetSize, train);
        using torch.Tensor scale = torch.tensor(targetStats.Std);
        List<Parameter> parameters = [.. policy.TrainedParameters];
        using var optimizer = torch.optim.Adam(parameters, options.LearningRate);
        List<int>[] groups = Groups(train, nominal);
        var trainLoss = new List<double>();
        var valLoss = new List<double>();
        torch.Tensor[] best = [.. parameters.Select(p => p.detach().clone())];
        double bestLoss = double.PositiveInfinity;
        int bestEpoch = 1;
        int sinceBest = 0;
        bool early = false;
        (double initialLoss, _) = Evaluate(batches, validation, nominal, scale);
        for (int epoch = 1; epoch <= options.Epochs && !cancellation.IsCancellationRequested; epoch++)
        {
            Pairing pairing = options.ExtraStaleTicks > 0 && options.Mode == TrainingMode.MultiRate
                ? Pairing.Build(timeline, options.Mode, options.ExtraStaleTicks, random)
                : nominal;
            if (options.PhaseShift && options.Mode == TrainingMode.MultiRate && PhaseTicks > 1)
            {
                pairing = pairing.Shifted(random.Next(PhaseTicks));
            }

            List<List<int>> epochBatches = Batches(groups, random);
            double sum = 0;
            for (int k = 0; k < epochBatches.Count && !cancellation.IsCancellationRequested; k++)
            {
                using var scope = torch.NewDisposeScope();
                torch.Tensor loss = Loss(Predict(batches, epochBatches[k], pairing, out torch.Tensor targets), targets, scale);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                sum += loss.item<float>();
                progress?.Invoke(new TrainingProgress(epoch, options.Epochs, k + 1, epochBatches.Count, sum / (k + 1), null, bestLoss < double.PositiveInfinity ? bestLoss : null));
            }

            trainLoss.Add(sum / Math.Max(1, epochBatches.Count));
            (double v, _) = Evaluate(batches, validation, nominal, scale);
            valLoss.Add(v);
            if (v < bestLoss)
            {
                bestLoss = v;
                bestEpoch = epoch;
                sinceBest = 0;
                Copy(parameters, best);
            }
            else if (++sinceBest >= options.Patience)
            {
                early = epoch < options.Epochs;
                progress?.Invoke(new TrainingProgress(epoch, options.Epochs, epochBatches.Count, epochBatches.Count, trainLoss[^1], v, bestLoss));
                break;
            }

            progress?.Invoke(new TrainingProgress(epoch, options.Epochs, epochBatches.Count, epochBatches.Count, trainLoss[^1], v, bestLoss));
        }

        using (torch.no_grad())
        {
            for (int i = 0; i < parameters.Count; i++)
            {
                parameters[i].copy_(best[i]);
                best[i].Dispose();
            }
        }

        (float[] predictions, int changed) = Deployed(batches, validation, nominal, scale);
        float[] targetsVal = [.. validation.SelectMany(i => samples.Targets.AsSpan(i * samples.TargetSize, samples.TargetSize).ToArray())];
        var metrics = RegressionMetrics.Compute(predictions, targetsVal, samples.TargetSize);
        return new FitResult(initialLoss, [.. trainLoss], [.. valLoss], bestEpoch, early, metrics, wall.Elapsed) { ValidationActionsChanged = changed };
    }

    /// <summary>
    /// The actions the runtime sends at the validation ticks: the head's outputs from tick 0 to the
    /// last validation tick through the output stage's limits (each action depends on the one before).
    /// </summary>
    private (float[] Actions, int Changed) Deployed(BatchBuilder batches, int[] validation, Pairing nominal, torch.Tensor scale)
    {
        int count = validation[^1] + 1;
        (_, float[] head) = Evaluate(batches, [.. Enumerable.Range(0, count)], nominal, scale);
        float[] sent = output.Send(head, count, out bool[] changed);
        int a = samples.TargetSize;
        float[] actions = new float[validation.Length * a];
        for (int k = 0; k < validation.Length; k++)
        {
            sent.AsSpan(validation[k] * a, a).CopyTo(actions.AsSpan(k * a));
        }

        return (actions, validation.Count(i => changed[i]));
    }

    /// <summary>Action ticks per period of the clock feeding the head (the phases a shift can take).</summary>
    private int PhaseTicks => (int)Math.Max(1, timeline.Levels[0].PeriodNs / (timeline.FastDivisor * timeline.BaseTickNs));

    private static torch.Tensor Loss(torch.Tensor prediction, torch.Tensor targets, torch.Tensor scale) =>
        ((prediction - targets) / scale).square().mean();

    private torch.Tensor Predict(BatchBuilder batches, IReadOnlyList<int> batch, Pairing pairing, out torch.Tensor targets)
    {
        (torch.Tensor obs, targets, torch.Tensor age, LevelBatch[] levels, torch.Tensor index) = batches.Build(batch, pairing);

        // Slowest level first: each level's latents read the next slower level's table (its last row is the zero latent).
        torch.Tensor? table = null;
        for (int l = levels.Length - 1; l >= 0; l--)
        {
            torch.Tensor zero = torch.zeros(1, policy.LatentSize);
            LevelBatch level = levels[l];
            table = level.Windows is null
                ? zero
                : torch.cat([policy.ContextForward(l, level.Windows, table?.index_select(0, level.UpstreamIndex!)), zero], 0);
        }

        torch.Tensor latent = table!.index_select(0, index);
        return policy.HeadForward(obs, latent, age);
    }

    private (double Loss, float[] Predictions) Evaluate(BatchBuilder batches, int[] indices, Pairing pairing, torch.Tensor scale)
    {
        using var noGrad = torch.no_grad();
        float[] predictions = new float[indices.Length * samples.TargetSize];
        double weighted = 0;
        for (int start = 0; start < indices.Length; start += EvalChunk)
        {
            using var scope = torch.NewDisposeScope();
            int[] chunk = indices[start..Math.Min(indices.Length, start + EvalChunk)];
            torch.Tensor prediction = Predict(batches, chunk, pairing, out torch.Tensor targets);
            weighted += Loss(prediction, targets, scale).item<float>() * chunk.Length;
            prediction.contiguous().data<float>().CopyTo(predictions, start * samples.TargetSize);
        }

        return (weighted / indices.Length, predictions);
    }

    private List<int>[] Groups(int[] train, Pairing nominal)
    {
        if (options.Mode != TrainingMode.MultiRate)
        {
            return [.. train.Select(i => new List<int> { i })];
        }

        // Samples reading the same latent share a window: one group each, in time order.
        var groups = new List<List<int>>();
        int last = int.MinValue;
        foreach (int i in train)
        {
            if (nominal.RowEnd[i] != last || groups.Count == 0)
            {
                groups.Add([]);
                last = nominal.RowEnd[i];
            }

            groups[^1].Add(i);
        }

        return [.. groups];
    }

    private List<List<int>> Batches(List<int>[] groups, Random random)
    {
        int[] order = [.. Enumerable.Range(0, groups.Length)];
        random.Shuffle(order);
        var batches = new List<List<int>>();
        var current = new List<int>();
        foreach (int g in order)
        {
            current.AddRange(groups[g]);
            if (current.Count >= options.BatchSize)
            {
                batches.Add(current);
                current = [];
            }
        }

        if (current.Count > 0)
        {
            batches.Add(current);
        }

        return batches;
    }

    private static void Copy(List<Parameter> from, torch.Tensor[] to)
    {
        using var noGrad = torch.no_grad();
        for (int i = 0; i < from.Count; i++)
        {
            to[i].copy_(from[i]);
        }
    }
}
