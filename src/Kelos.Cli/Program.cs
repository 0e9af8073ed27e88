using Kelos.Cli;

return await KelosCommandLine.InvokeAsync(args, Console.Out, Console.Error);
