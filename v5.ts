import { generateSm2KeyPair, Sm2Key } from './platform/crypto/sm2.ts'
const key = new Sm2Key(generateSm2KeyPair().d)
const m = Buffer.from('x'.repeat(700))
key.sign(m)
const lat: number[] = []
const t = performance.now()
for (let i = 0; i < 3000; i++) { const a = performance.now(); key.sign(m); lat.push(performance.now() - a) }
const total = performance.now() - t
lat.sort((a, b) => a - b)
console.log('rate', Math.round(3000 / (total / 1000)), 'p50', lat[1500]!.toFixed(3), 'p90', lat[2700]!.toFixed(3), 'p99', lat[2970]!.toFixed(3), 'max', lat[2999]!.toFixed(1), 'sum>5ms', lat.filter(x => x > 5).reduce((a, b) => a + b, 0).toFixed(0))
