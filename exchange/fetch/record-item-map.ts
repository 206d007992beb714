/**
 * How the items of a directory resource (信息项, coded per the 1272号 catalog convention: pinyin
 * initials such as `xm` 姓名, `gmsfhm` 公民身份号码) correspond to fields of a canonical record kind.
 * The catalog and the adapters were designed apart, so this is the one place they meet. An item code
 * that equals a canonical field name maps to itself; a `resource_sources.item_fields` row overrides.
 */

export type ItemFields = Readonly<Record<string, string>>

/** The conventional item codes of each canonical kind the demo catalog uses. */
export const CONVENTIONAL_ITEM_FIELDS: Readonly<Record<string, ItemFields>> = {
  'social-insurance-contribution': {
    xm: 'subjectName',
    gmsfhm: 'subjectId',
    xzlx: 'insuranceType',
    jfny: 'period',
    jfjs: 'contributionBase',
    jfzt: 'paid',
  },
  'social-insurance-enrolment': {
    xm: 'subjectName',
    gmsfhm: 'subjectId',
    dwmc: 'employerName',
    xzlx: 'insuranceType',
    cbzt: 'status',
  },
  'housing-fund-account': {
    xm: 'subjectName',
    gmsfhm: 'subjectId',
    grzh: 'accountNumber',
    jcjs: 'contributionBase',
    yjce: 'monthlyContribution',
    zhye: 'balance',
    zhzt: 'status',
  },
  'property-right': {
    qlrmc: 'holderName',
    qlrzjh: 'subjectId',
    bdcdyh: 'unitNumber',
    zl: 'location',
    bdcqzh: 'certificateNumber',
    djsj: 'registeredOn',
  },
  'new-home-contract-filing': {
    htbh: 'contractNumber',
    msrxm: 'buyerName',
    msrzjh: 'subjectId',
    fwzl: 'location',
    cjjg: 'totalPrice',
    barq: 'filedOn',
  },
  // 婚姻登记信息, served by the provincial platform (adapters/province).
  'marriage-registration': {
    xm: 'subjectName',
    gmsfhm: 'subjectId',
    poxm: 'spouseName',
    djlx: 'registrationType',
    djrq: 'registeredOn',
    djjg: 'registrationOffice',
    zzh: 'certificateNumber',
  },
}

/** The canonical field an item code reads, or undefined when the kind has nothing for it. */
export function fieldOf(item: string, kind: string, fields: readonly string[], override?: ItemFields | null) {
  const mapped = override?.[item] ?? CONVENTIONAL_ITEM_FIELDS[kind]?.[item]
  if (mapped) return mapped
  return fields.includes(item) ? item : undefined
}

/** How many of `items` the kind can fill: the convention picks the kind that covers a resource best. */
export function coverage(items: readonly string[], kind: string, fields: readonly string[]): number {
  return items.filter((item) => fieldOf(item, kind, fields) !== undefined).length
}

/** A canonical record's data rewritten as values by item code (items the kind lacks are left out). */
export function toItemValues(
  data: Readonly<Record<string, unknown>>,
  items: readonly string[],
  kind: string,
  fields: readonly string[],
  override?: ItemFields | null,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const item of items) {
    const field = fieldOf(item, kind, fields, override)
    if (field !== undefined && field in data) out[item] = data[field]
  }
  return out
}
