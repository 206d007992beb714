/**
 * A page's data asked for by its route while the page's code loads and the session is checked
 * (router.ts calls `meta.prefetch`), instead of once the page is set up and drawn: the page takes the
 * answer once; a navigation that goes elsewhere drops it, so nobody is shown figures fetched for
 * someone else's visit. The browser's session cookie authenticates these calls like any other.
 */
const started = new Map<string, Promise<unknown>>()

/** Starts `load` for the page named `key` (replacing an earlier start nobody took). */
export function prefetch(key: string, load: () => Promise<unknown>): void {
  const answer = load()
  // A refusal is the page's to show when it takes the answer, not an unhandled rejection before.
  answer.catch(() => {})
  started.set(key, answer)
}

/** The answer a navigation prefetched for `key`, or a fresh `load()` when there is none. */
export function takePrefetched<T>(key: string, load: () => Promise<T>): Promise<T> {
  const answer = started.get(key) as Promise<T> | undefined
  started.delete(key)
  return answer ?? load()
}

/** Drops every prefetched answer (the navigation went elsewhere). */
export function dropPrefetched(): void {
  started.clear()
}
