// Starts the training worker compiled by TeaVM (worker.js defines the global main).
importScripts('worker.js');
main([]);
