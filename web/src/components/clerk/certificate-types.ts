import { ref } from 'vue'
import { api } from '../../api/client.ts'
import type { ObjectSchema } from '../../schema-labels.ts'

const faceSchemas = ref<Record<string, ObjectSchema>>({})
let loading: Promise<void> | null = null

/**
 * Certificate type code → its face-data schema, read once per page load: the schema names each
 * type's fields and code values, so a certificate's face is laid out per type with its labels.
 */
export function useCertificateTypes() {
  if (!loading) {
    loading = (async () => {
      const { data } = await api.GET('/v1/certificates/types')
      if (data)
        faceSchemas.value = Object.fromEntries(data.items.map((t) => [t.code, t.faceSchema as ObjectSchema]))
    })().catch(() => {
      loading = null
    })
  }
  return { faceSchemas, ready: () => loading ?? Promise.resolve() }
}
