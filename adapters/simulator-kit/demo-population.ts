/**
 * The people and employers every department simulator knows about. All simulators draw from the
 * same seeded population, so the demo shows one person's social insurance, housing fund and
 * property side by side, the way the real departments would hold them.
 */
import {
  computeCreditCodeCheck,
  computeOrganizationCodeCheck,
} from '../../platform/identifiers/credit-code.ts'
import { childDivisions } from '../../platform/identifiers/division-codes.ts'
import { computeResidentIdCheck } from '../../platform/identifiers/resident-id.ts'

/** mulberry32: small, fast and good enough for demo data; the same seed gives the same world. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** FNV-1a: a stable per-record seed, so each person's data is the same in every simulator run. */
export function hashOf(text: string): number {
  let h = 2166136261
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619)
  return h >>> 0
}

export const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!

export const between = (random: () => number, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1))

const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段',
]
const GIVEN = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉梅晓东海燕鹏飞文博宇浩然子涵欣怡',
]
const STREETS = [
  '鼓楼南街',
  '解放路',
  '五一路',
  '平阳南街',
  '向阳路',
  '滨河西路',
  '尧都大道',
  '汾河路',
  '中大街',
]
const EMPLOYER_STEMS = ['汾河', '平阳', '尧都', '华晋', '晋南', '鼓楼', '太岳', '汾西', '姑射', '伍家']
const EMPLOYER_KINDS = [
  '焦化有限公司',
  '商贸有限公司',
  '建筑工程有限公司',
  '人民医院',
  '第一中学',
  '物流有限公司',
  '食品有限公司',
]

export interface DemoEmployer {
  name: string
  creditCode: string
  divisionCode: string
}

export interface DemoPerson {
  name: string
  residentId: string
  birthDate: string
  sex: 'male' | 'female'
  divisionCode: string
  address: string
  mobile: string
  employer: DemoEmployer | null
}

export interface DemoWorld {
  people: DemoPerson[]
  employers: DemoEmployer[]
  byResidentId: Map<string, DemoPerson>
  /** The division the demo is set in; data is generated for its child divisions. */
  city: string
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')

function creditCode(random: () => number, division: string): string {
  // 9 = registered with the market regulator, 1 = enterprise (GB 32100 registration and type codes).
  const body8 = Array.from({ length: 8 }, () => pick(random, [...'0123456789'])).join('')
  const first17 = `91${division}${body8}${computeOrganizationCodeCheck(body8)}`
  return first17 + computeCreditCodeCheck(first17)
}

/** The demo world for `city` (a GB/T 2260 code with child divisions), generated from `seed`. */
export function demoWorld({ city = '141000', people = 120, seed = 20261126 } = {}): DemoWorld {
  const random = seededRandom(seed)
  const divisions = childDivisions(city).map((d) => d.code)
  if (divisions.length === 0) throw new Error(`division ${city} has no child divisions to place people in`)
  const employers: DemoEmployer[] = Array.from({ length: 15 }, (_, i) => {
    const divisionCode = pick(random, divisions)
    return {
      name: `临汾${EMPLOYER_STEMS[i % EMPLOYER_STEMS.length]}${EMPLOYER_KINDS[i % EMPLOYER_KINDS.length]}`,
      creditCode: creditCode(random, divisionCode),
      divisionCode,
    }
  })
  const list: DemoPerson[] = []
  const seen = new Set<string>()
  while (list.length < people) {
    const divisionCode = pick(random, divisions)
    const year = between(random, 1958, 2002)
    const birthDate = `${year}-${pad(between(random, 1, 12), 2)}-${pad(between(random, 1, 28), 2)}`
    const sequence = between(random, 1, 999)
    const first17 = `${divisionCode}${birthDate.replace(/-/g, '')}${pad(sequence, 3)}`
    const residentId = first17 + computeResidentIdCheck(first17)
    if (seen.has(residentId)) continue
    seen.add(residentId)
    const given = pick(random, GIVEN) + (random() < 0.6 ? pick(random, GIVEN) : '')
    list.push({
      name: pick(random, SURNAMES) + given,
      residentId,
      birthDate,
      sex: sequence % 2 === 1 ? 'male' : 'female',
      divisionCode,
      address: `${pick(random, STREETS)}${between(random, 1, 300)}号${between(random, 1, 30)}单元${between(random, 101, 2602)}室`,
      mobile: `1${pick(random, ['38', '39', '50', '58', '86', '88', '35'])}${pad(between(random, 0, 99_999_999), 8)}`,
      // Some people have no employer: retired, self-employed or unemployed.
      employer: year < 1964 || random() < 0.15 ? null : pick(random, employers),
    })
  }
  return { people: list, employers, byResidentId: new Map(list.map((p) => [p.residentId, p])), city }
}
