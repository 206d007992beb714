/**
 * V8 flags the hub runs with — `npm start` passes them (package.json), and the benchmarks start the
 * hub with the same ones (a test keeps the two in step).
 *
 * A request/response server allocates many short-lived objects per request (parsed body, ability
 * checks, masked records, audit entries). V8's default young generation (16 MiB semi-spaces) fills
 * every few hundred requests, and each scavenge copies whatever is still in flight; 64 MiB
 * semi-spaces scavenge four times less often with the same survivors — measured on the hub-held
 * fetch at 50 connections: about +14% throughput, lower p99 (bench/exchange.bench.ts). It costs up
 * to 3 × 64 MiB more resident memory, which a hub instance has.
 */
export const HUB_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64']
