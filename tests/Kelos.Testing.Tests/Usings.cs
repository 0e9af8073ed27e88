global using Kelos.Testing;
