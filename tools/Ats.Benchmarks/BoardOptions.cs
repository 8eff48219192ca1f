namespace Ats.Benchmarks;

/// The board benchmark's size; the defaults are the documented run, a test runs it tiny.
public sealed record BoardOptions(int Applications = 2_000, int Renders = 20, int Moves = 300, int WarmUps = 5, int MoveWarmUps = 20, int HiringManagers = 0);

/// What one run saw: the cards each render showed, and the milliseconds of each measured render and move.
public sealed record BoardResult(int VisibleCards, List<double> Renders, List<double> Moves);
