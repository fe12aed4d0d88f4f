using BenchmarkDotNet.Running;
using FixIt.Benchmarks;

// verify: correctness, build time and size; postgis-load: loads the areas into PostGIS; anything else goes to BenchmarkDotNet.
return args.FirstOrDefault() switch
{
    "verify" => Verify.Run(),
    "probe" => Probe.Run(),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(BenchmarkData).Assembly).Run(args);
    return 0;
}
