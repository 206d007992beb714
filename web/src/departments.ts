import { ref } from 'vue'
import { api } from './api/client.ts'

const names = ref<Record<string, string>>({})
let loading: Promise<void> | null = null

/** Department code → name, read once per page load (codes are shown when the list is unavailable). */
export function useDepartments() {
  if (!loading) {
    loading = (async () => {
      const { data } = await api.GET('/v1/departments', { params: { query: { limit: 200 } } })
      if (data) names.value = Object.fromEntries(data.items.map((d) => [d.code, d.name]))
    })().catch(() => {
      loading = null
    })
  }
  const nameOf = (code: string | null | undefined) => (code ? (names.value[code] ?? code) : '—')
  return { names, nameOf }
}
