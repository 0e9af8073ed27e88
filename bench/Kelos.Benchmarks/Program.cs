using Kelos.Benchmarks;

return await BenchCommandLine.InvokeAsync(args);
