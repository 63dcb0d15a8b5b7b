// Starts the benchmark page compiled by TeaVM (bench.js defines the global main).
main([]);
