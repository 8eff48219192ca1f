// Browser tests share one app and one Chromium; on a 2-core machine they run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
