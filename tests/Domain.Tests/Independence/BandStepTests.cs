using PasKreatif.Independence;

namespace PasKreatif.Domain.Tests.Independence;

public class BandStepTests
{
    static readonly Money Target = new(2_500_001m);

    [Fact]
    public void Under_a_quarter_of_the_target_the_next_band_is_Berkembang_and_the_amount_shown_reaches_it()
    {
        var step = IndependenceBands.StepOf(new Money(100_000m), Target);
        Assert.Equal((IndependenceBand.Memulai, IndependenceBand.Berkembang), (step.Band, step.Next));
        Assert.Equal(new Money(525_001m), step.LeftToNext);
        // Paying exactly what is left reaches the band, by the same rule the bands use.
        Assert.Equal(IndependenceBand.Berkembang, IndependenceBands.StepOf(new Money(100_000m) + step.LeftToNext, Target).Band);
        Assert.Equal(IndependenceBand.Memulai, IndependenceBands.StepOf(new Money(100_000m) + step.LeftToNext - new Money(1m), Target).Band);
    }

    [Fact]
    public void From_a_quarter_on_what_is_left_is_the_target_and_at_the_target_nothing_is()
    {
        var growing = IndependenceBands.StepOf(new Money(1_000_000m), Target);
        Assert.Equal((IndependenceBand.Berkembang, IndependenceBand.Mandiri, new Money(1_500_001m), 39), (growing.Band, growing.Next, growing.LeftToNext, growing.Percent));
        var reached = IndependenceBands.StepOf(Target, Target);
        Assert.Null(reached.Next);
        Assert.Equal(Money.Zero, reached.LeftToNext);
        Assert.Equal(100, reached.Percent);
    }
}
