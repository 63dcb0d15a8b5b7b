// Starts a shard worker compiled by TeaVM (shard.js defines the global main). The training
// worker starts one per extra core; each computes J(Θ) and its gradient on a slice of the data.
importScripts('shard.js');
main([]);
