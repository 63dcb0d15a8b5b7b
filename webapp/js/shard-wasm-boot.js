// Starts a shard worker compiled by TeaVM to WebAssembly GC (js/shard.wasm). Loading is
// asynchronous, so messages that arrive before the module's main installs its handler are kept
// and replayed in order.
var pendingEvents = [];
self.onmessage = function(event) { pendingEvents.push(event); };
importScripts('wasm-gc-runtime.js');
TeaVM.wasmGC.load('shard.wasm').then(function(teavm) {
  teavm.exports.main([]);
  var handler = self.onmessage;
  pendingEvents.forEach(function(event) { handler(event); });
  pendingEvents = null;
}).catch(function(error) {
  self.postMessage({ type: 'shard-failed',
    text: 'loading the WebAssembly shard failed: ' + error });
});
