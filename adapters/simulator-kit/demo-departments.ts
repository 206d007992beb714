import {
  computeCreditCodeCheck,
  computeOrganizationCodeCheck,
} from '../../platform/identifiers/credit-code.ts'

export interface DepartmentSeed {
  code: string
  name: string
  /** 简称: what charts show where the official name does not fit. */
  short_name: string
  level: 'province' | 'city' | 'county'
  kind: 'government' | 'external'
  division_code: string
  credit_code: string
  parent_code: string | null
}

/**
 * A unified social credit code for a government organ (registration dept 1, type 1) with both
 * check characters computed, so demo data passes the same validation as real data.
 * The 8-character organisation bodies are made up.
 */
function organCreditCode(division: string, orgBody8: string): string {
  const first17 = `11${division}${orgBody8}${computeOrganizationCodeCheck(orgBody8)}`
  return first17 + computeCreditCodeCheck(first17)
}

const seed = (
  code: string,
  [name, short_name]: [string, string],
  level: DepartmentSeed['level'],
  division: string,
  orgBody8: string,
  parent: string | null,
  kind: DepartmentSeed['kind'] = 'government',
): DepartmentSeed => ({
  code,
  name,
  short_name,
  level,
  kind,
  division_code: division,
  credit_code: organCreditCode(division, orgBody8),
  parent_code: parent,
})

export function demoDepartments(): DepartmentSeed[] {
  return [
    seed(
      'sx-province',
      ['山西省政务服务管理局（省级政务数据共享平台）', '省共享平台'],
      'province',
      '140000',
      '01100001',
      null,
      'external',
    ),
    seed(
      'lf-bigdata',
      ['临汾市大数据应用局（市大数据办）', '市大数据办'],
      'city',
      '141000',
      '01200001',
      null,
    ),
    seed('lf-hrss', ['临汾市人力资源和社会保障局', '市人社局'], 'city', '141000', '01200002', null),
    seed('lf-hfund', ['临汾市住房公积金管理中心', '市公积金中心'], 'city', '141000', '01200003', null),
    seed('lf-realestate', ['临汾市不动产登记中心', '市不动产中心'], 'city', '141000', '01200004', null),
    seed('lf-housing', ['临汾市房地产管理局', '市房管局'], 'city', '141000', '01200005', null),
    seed('lf-approval', ['临汾市行政审批服务管理局', '市审批局'], 'city', '141000', '01200006', null),
    seed(
      'yd-approval',
      ['临汾市尧都区行政审批服务管理局', '尧都区审批局'],
      'county',
      '141002',
      '01300001',
      'lf-approval',
    ),
    seed(
      'qw-hrss',
      ['曲沃县人力资源和社会保障局', '曲沃县人社局'],
      'county',
      '141021',
      '01300002',
      'lf-hrss',
    ),
    seed(
      'hm-realestate',
      ['侯马市不动产登记中心', '侯马市不动产中心'],
      'county',
      '141081',
      '01300003',
      'lf-realestate',
    ),
  ]
}
