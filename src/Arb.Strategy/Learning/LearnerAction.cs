namespace Arb.Strategy.Learning;

/// <summary>The learner's two actions: wait, or act (open when flat, close when holding).</summary>
public enum LearnerAction
{
    Hold = 0,
    Act = 1,
}
