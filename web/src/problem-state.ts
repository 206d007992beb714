import { type Ref, ref } from 'vue'
import { ApiProblem, type Problem } from './api/problem.ts'

/** For pages without a form: the last API refusal, shown by <ProblemAlert>. */
export function useProblem() {
  const problem: Ref<Problem | null> = ref(null)
  async function attempt<T>(action: () => Promise<T>): Promise<T | undefined> {
    problem.value = null
    try {
      return await action()
    } catch (error) {
      if (error instanceof ApiProblem) {
        problem.value = error.problem
        return undefined
      }
      throw error
    }
  }
  return { problem, attempt }
}
