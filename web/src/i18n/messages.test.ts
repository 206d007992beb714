import { describe, expect, it } from 'vitest'
import en from './en.ts'
import zhCN from './zh-CN.ts'

type Tree = { [key: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : leaves(value, `${prefix}${key}.`),
  )
}

describe('console messages', () => {
  it('have the same keys in Chinese and English', () => {
    expect(leaves(en as Tree).map(([k]) => k)).toEqual(leaves(zhCN as Tree).map(([k]) => k))
  })

  it('use only named placeholders, no characters vue-i18n reads as syntax', () => {
    for (const [key, message] of [...leaves(zhCN as Tree), ...leaves(en as Tree)]) {
      // `|` separates plurals, `@` links messages, `{…}` must hold a placeholder name.
      expect(message, key).not.toMatch(/[|@]|\{(?![A-Za-z]+\})/)
    }
  })

  it('label every share type in Chinese as the 1272 guide names them', () => {
    expect(zhCN.enum.shareType).toEqual({
      unconditional: '无条件共享',
      conditional: '有条件共享',
      'not-shared': '不予共享',
    })
  })
})
