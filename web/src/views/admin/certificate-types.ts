import { ref } from 'vue'
import { api, type Schemas } from '../../api/client.ts'

const types = ref<Schemas['CertificateType'][]>([])
let loading: Promise<void> | null = null

/** The registered certificate types, read once per page load: code → 中文 name (the code when unknown). */
export function useCertificateTypes() {
  if (!loading) {
    loading = (async () => {
      const { data } = await api.GET('/v1/certificates/types')
      if (data) types.value = data.items
    })().catch(() => {
      loading = null
    })
  }
  const typeName = (code: string) => types.value.find((c) => c.code === code.toUpperCase())?.name ?? code
  return { types, typeName }
}
