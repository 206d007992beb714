import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin } from 'vite'

const brotli = promisify(brotliCompress)
const gz = promisify(gzip)

/** Text files worth compressing; smaller ones are not worth a second round trip's headers. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt)$/
const MIN_BYTES = 1024

/**
 * Writes `<file>.br` (brotli, best) and `<file>.gz` (gzip, best) beside every built text file, once,
 * at build time: the hub serves them to browsers that accept them (console/console-static-routes.ts)
 * without compressing anything per request.
 */
export function precompress(): Plugin {
  let outDir = ''
  return {
    name: 'hub-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir)
    },
    async writeBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name))
      await Promise.all(
        files.map(async (name) => {
          const file = path.join(outDir, name)
          const body = await readFile(file)
          if (body.length < MIN_BYTES) return
          const [br, gzipped] = await Promise.all([
            brotli(body, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
              },
            }),
            gz(body, { level: constants.Z_BEST_COMPRESSION }),
          ])
          await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gzipped)])
        }),
      )
    },
  }
}
