import { computed, type Ref, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ApiProblem, fieldErrors, type Problem, serverMessageKey } from './api/problem.ts'
import { type SchemaId, validate } from './validation.ts'

/**
 * A form's errors: what the schema says as the person types, then what the API said when it refused.
 * `errors[path]` is the Chinese (or English) message shown under the field with that dotted path.
 */
export function useFormErrors(schema: SchemaId, body: () => unknown) {
  const { t } = useI18n()
  const touched = ref(false)
  const problem: Ref<Problem | null> = ref(null)

  const clientErrors = computed<Record<string, string>>(() => {
    if (!touched.value) return {}
    const out: Record<string, string> = {}
    for (const issue of validate(schema, body())) out[issue.path] = t(`validation.${issue.key}`, issue.params)
    return out
  })

  const serverErrors = computed<Record<string, string>>(() => {
    if (!problem.value) return {}
    const out: Record<string, string> = {}
    for (const [path, messages] of Object.entries(fieldErrors(problem.value))) {
      out[path] = messages.map((m) => t(serverMessageKey(m), { message: m })).join('；')
    }
    return out
  })

  const errors = computed<Record<string, string>>(() => ({ ...serverErrors.value, ...clientErrors.value }))

  /** Marks the form as touched; true when the schema finds nothing wrong. */
  function check(): boolean {
    touched.value = true
    return validate(schema, body()).length === 0
  }

  /** Shows an API refusal; anything that is not one is thrown on. */
  function refused(error: unknown): void {
    if (error instanceof ApiProblem) problem.value = error.problem
    else throw error
  }

  return { errors, problem, touched, check, refused, clear: () => (problem.value = null) }
}
