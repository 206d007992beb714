import type { CaseChange } from '../schemas/generated/types.ts'

/** One planned case of the demo history: its changes and the certificates its materials were obtained from. */
export interface HistoryCase {
  caseNumber: string
  department: string
  clerk: string
  applicant: string
  acceptedAt: Date
  changes: CaseChange[]
  fetches: { materialCode: string; certificateId: string; typeCode: string; at: Date }[]
}
