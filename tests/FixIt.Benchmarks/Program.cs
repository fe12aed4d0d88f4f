using BenchmarkDotNet.Running;
using FixIt.Benchmarks;

// verify [SET ...]: correctness, build time and size; probe A B ...: quick comparison of index settings;
// export-densified FILE: the heavy set as GeoJSON; anything else goes to BenchmarkDotNet.
return args.FirstOrDefault() switch
{
    "verify" => Verify.Run(args[1..]),
    "probe" => Probe.Run(args[1..]),
    "export-densified" => Export.Run(args[1..]),
    "places" => PlaceSearchBench.RunAsync(args[1..]).GetAwaiter().GetResult(),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(BenchmarkData).Assembly).Run(args);
    return 0;
}
