import { ref } from 'vue'
import { api } from './api/client.ts'

const names = ref<Record<string, string>>({})
const shortNames = ref<Record<string, string>>({})
let loading: Promise<void> | null = null

/**
 * Department code → name, read once per page load (codes are shown when the list is unavailable).
 * `shortNameOf` gives the short name (简称, e.g. 市人社局) where the official name does not fit — a
 * chart's axis — and the official name for a department without one. `ready` resolves once the
 * list has been read (or could not be), so a page can draw with the names in one go.
 */
export function useDepartments() {
  if (!loading) {
    loading = (async () => {
      const { data } = await api.GET('/v1/departments', { params: { query: { limit: 200 } } })
      if (!data) return
      names.value = Object.fromEntries(data.items.map((d) => [d.code, d.name]))
      shortNames.value = Object.fromEntries(data.items.map((d) => [d.code, d.shortName ?? d.name]))
    })().catch(() => {
      loading = null
    })
  }
  const ready = loading ?? Promise.resolve()
  const nameOf = (code: string | null | undefined) => (code ? (names.value[code] ?? code) : '—')
  const shortNameOf = (code: string | null | undefined) =>
    code ? (shortNames.value[code] ?? nameOf(code)) : '—'
  return { names, nameOf, shortNameOf, ready }
}
