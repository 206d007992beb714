import { statSync } from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { NotFoundError, UnavailableError } from '../platform/errors/app-error.ts'

/** Vite names built assets by content hash, so they never change under the same name. */
const IMMUTABLE = 'public, max-age=31536000, immutable'
/** index.html and other unhashed files: always revalidated, so a new build is picked up at once. */
const REVALIDATE = 'no-cache'
const PUBLIC = { public: true, rateLimit: false } as const

function isFileInside(root: string, relative: string): boolean {
  // Dot files (the build's source hash) are not part of the console.
  if (relative.split('/').some((segment) => segment.startsWith('.'))) return false
  const full = path.resolve(root, relative)
  if (!full.startsWith(root + path.sep)) return false
  return statSync(full, { throwIfNoEntry: false })?.isFile() ?? false
}

/**
 * Serves the built console (web/dist) under /console/ as a single-page app: a path that names no
 * file gets index.html, so the console's router decides; `/` sends people there.
 */
export async function consoleStaticRoutes(app: FastifyInstance, { root }: { root: string }): Promise<void> {
  // Only `reply.sendFile(file, root)`: no root at registration, so a hub whose console is not built yet
  // starts without a warning and serves the build as soon as it appears. `preCompressed`: the build
  // writes `<file>.br` and `<file>.gz` beside each text file (web/scripts/precompress-plugin.ts); a
  // browser that accepts brotli (else gzip) gets those, as the original's type, and any other the
  // file itself — a build without them is served as is.
  await app.register(fastifyStatic, { serve: false, cacheControl: false, preCompressed: true })

  app.get('/', { config: PUBLIC, schema: { hide: true } }, async (_request, reply) =>
    reply.redirect('/console/', 302),
  )
  app.get('/console', { config: PUBLIC, schema: { hide: true } }, async (_request, reply) =>
    reply.redirect('/console/', 302),
  )
  app.get<{ Params: { '*': string } }>(
    '/console/*',
    { config: PUBLIC, schema: { hide: true } },
    async (request, reply) => {
      if (!isFileInside(root, 'index.html')) {
        throw new UnavailableError(
          'console-not-built',
          `The web console is not built (no ${path.join(root, 'index.html')}): run \`npm run build:web\`, or \`npm start\`, which builds it when web/ changed`,
        )
      }
      const file = request.params['*']
      // The answer depends on Accept-Encoding, for caches between here and the browser too.
      reply.header('vary', 'accept-encoding')
      if (file && isFileInside(root, file)) {
        reply.header('cache-control', file.startsWith('assets/') ? IMMUTABLE : REVALIDATE)
        return reply.sendFile(file, root)
      }
      // A missing file (a stale asset name) is a 404; any other path is a console page.
      if (path.extname(file) !== '') {
        throw new NotFoundError('console-file-not-found', `The console has no file ${file}`)
      }
      reply.header('cache-control', REVALIDATE)
      return reply.sendFile('index.html', root)
    },
  )
}
