/** Enumerations of the API, in the order the console offers them (labels: `enum.<kind>.<value>`). */
export const SHARE_TYPES = ['unconditional', 'conditional', 'not-shared'] as const
export const CLASSES = ['basic', 'thematic', 'departmental'] as const
export const UPDATE_CYCLES = [
  'realtime',
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'half-yearly',
  'yearly',
  'other',
] as const
export const SHARE_METHODS = ['api', 'subscription', 'file'] as const
export const FORMAT_CATEGORIES = [
  'file',
  'spreadsheet',
  'database',
  'image',
  'streaming',
  'self-describing',
] as const
export const DATA_TYPES = ['C', 'N', 'Y', 'D', 'T', 'L', 'M', 'G', 'B', 'I', 'F'] as const
export const SENSITIVITIES = [1, 2, 3, 4] as const
export const MASKINGS = ['resident-id', 'phone', 'name'] as const
/** Purposes the console suggests (the API accepts any code of the right shape). */
export const PURPOSES = [
  'service-handling',
  'housing-fund-withdrawal',
  'social-assistance',
  'law-enforcement',
  'statistics',
] as const
