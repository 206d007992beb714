/** The shapes of a case that its rules and its store share (types only). */

export type CaseStatus = 'accepted' | 'in-review' | 'decided' | 'completed'

/** Special procedures (特别程序) of a case: the one running, and the time ended ones took. */
export interface SpecialProcedures {
  openId: string | null
  openSince: string | null
  pausedSeconds: number
}
