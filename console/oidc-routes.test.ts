import { describe, expect, it } from 'vitest'
import { InputError } from '../platform/errors/app-error.ts'
import { safeReturnTo } from './oidc-routes.ts'

describe('where a sign-in may return to', () => {
  it('takes a path on this hub, with its query, and defaults to the console', () => {
    expect(safeReturnTo(undefined)).toBe('/console/')
    expect(safeReturnTo('')).toBe('/console/')
    expect(safeReturnTo('/console/requests?status=pending#top')).toBe('/console/requests?status=pending#top')
  })

  it.each([
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
    'console/',
    `/${'x'.repeat(2000)}`,
  ])('refuses %s (an open redirect)', (value) => {
    expect(() => safeReturnTo(value)).toThrow(InputError)
  })
})
