import { CompactSign, compactVerify, createLocalJWKSet, decodeProtectedHeader, generateKeyPair } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { validateCertificateId } from '../../platform/identifiers/index.ts'
import type { CertificateSigned, CertificateVerification } from '../../schemas/generated/types.ts'
import { useTestApp } from '../../test/support/test-app.ts'
import {
  countRows,
  demoPeople,
  seedCertificateWorld,
  TEST_KEK,
  typeCodeOf,
} from './certificate-test-support.ts'

const hub = useTestApp({ env: { CERT_KEY_ENCRYPTION_KEY: TEST_KEK } })
const person = () => demoPeople()[10]!

beforeAll(async () => {
  await seedCertificateWorld(hub.database.db)
})

const auth = async (roles: string[], department: string) => ({
  authorization: `Bearer ${await hub.token({ roles: roles as never, department, subject: `${roles[0]}-${department}` })}`,
})

async function issue(overrides: Record<string, unknown> = {}, department = 'lf-hfund', key?: string) {
  return hub.app.inject({
    method: 'POST',
    url: '/v1/certificates',
    headers: { ...(await auth(['steward'], department)), ...(key ? { 'idempotency-key': key } : {}) },
    payload: {
      typeCode: await typeCodeOf(hub.database.db, 'lf-hfund'),
      holder: { idType: 'resident-id', idNumber: person().residentId, name: person().name },
      issuedOn: '2026-11-01',
      validUntil: '2027-10-31',
      faceData: { accountNumber: '141099', monthlyAmount: 900, paidThrough: '2026-10' },
      ...overrides,
    },
  })
}

async function verify(document: string): Promise<CertificateVerification> {
  const res = await hub.app.inject({
    method: 'POST',
    url: '/v1/certificates/verify',
    headers: await auth(['consumer'], 'lf-approval'),
    payload: { document },
  })
  expect(res.statusCode).toBe(200)
  return res.json()
}

async function jwks(department: string) {
  const res = await hub.app.inject({ method: 'GET', url: `/v1/certificates/issuers/${department}/jwks` })
  expect(res.statusCode).toBe(200)
  return res.json()
}

describe('issuing', () => {
  it('issues a certificate with a valid GB/T 36904 identifier, signed so anyone can verify it offline', async () => {
    const res = await issue()
    expect(res.statusCode).toBe(201)
    const { certificate, document } = res.json<CertificateSigned>()
    expect(validateCertificateId(certificate.id).ok).toBe(true)
    expect(certificate.status).toBe('valid')
    // The face data comes back whole in the answer, as in the signed document.
    expect(certificate.faceData).toEqual({
      accountNumber: '141099',
      monthlyAmount: 900,
      paidThrough: '2026-10',
    })
    const fetched = await hub.app.inject({
      method: 'GET',
      url: `/v1/certificates/${certificate.id}`,
      headers: await auth(['steward'], 'lf-hfund'),
    })
    expect(fetched.json().certificate.faceData).toEqual(certificate.faceData)
    const { payload } = await compactVerify(document, createLocalJWKSet(await jwks('lf-hfund')))
    expect(JSON.parse(new TextDecoder().decode(payload)).certificate.id).toBe(certificate.id)
    expect(await verify(document)).toMatchObject({
      valid: true,
      status: 'valid',
      issuerDepartment: 'lf-hfund',
    })
  })

  it('issues once per Idempotency-Key: a retry gets the first certificate, another body with the key is 409', async () => {
    const before = await countRows(hub.database.db, 'certificates')
    const first = await issue({}, 'lf-hfund', 'issue-retry-1')
    const retry = await issue({}, 'lf-hfund', 'issue-retry-1')
    expect(first.statusCode).toBe(201)
    expect(retry.statusCode).toBe(201)
    expect(retry.headers['idempotent-replayed']).toBe('true')
    expect(retry.json<CertificateSigned>().certificate.id).toBe(
      first.json<CertificateSigned>().certificate.id,
    )
    expect(await countRows(hub.database.db, 'certificates')).toBe(before + 1)

    const other = await issue({ issuedOn: '2026-11-02' }, 'lf-hfund', 'issue-retry-1')
    expect(other.statusCode).toBe(409)
    expect(other.json()).toMatchObject({ code: 'idempotency-key-reused' })
    // Without a key, the same body is a second certificate under a new serial.
    expect((await issue()).statusCode).toBe(201)
    expect(await countRows(hub.database.db, 'certificates')).toBe(before + 2)
  })

  it('refuses a bad holder id, bad face data and an inverted validity, listing each field and writing nothing', async () => {
    const before = await countRows(hub.database.db, 'certificates')
    const outbox = await countRows(hub.database.db, 'outbox')
    const res = await issue({
      holder: { idType: 'resident-id', idNumber: `${person().residentId.slice(0, 17)}0`, name: 'x' },
      validFrom: '2026-11-01',
      validUntil: '2026-01-01',
      faceData: { accountNumber: 7 },
    })
    expect(res.statusCode).toBe(400)
    const paths = res.json().errors.map((e: { path: string }) => e.path)
    expect(paths).toEqual(
      expect.arrayContaining(['/holder/idNumber', '/validUntil', '/faceData/accountNumber']),
    )
    expect(await countRows(hub.database.db, 'certificates')).toBe(before)
    expect(await countRows(hub.database.db, 'outbox')).toBe(outbox)
  })

  it('lets only the issuing department issue its types', async () => {
    const before = await countRows(hub.database.db, 'certificates')
    const res = await issue({}, 'lf-hrss')
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('not-issuing-department')
    expect(await countRows(hub.database.db, 'certificates')).toBe(before)
  })

  it('registers types with a face-data schema and refuses a broken schema or a duplicate code', async () => {
    const creditCode = (await hub.database.db('departments').where({ code: 'lf-hrss' }).first('credit_code'))
      .credit_code as string
    const type = {
      code: `${creditCode}777`,
      name: '就业创业证',
      issuerDepartment: 'lf-hrss',
      faceSchema: { type: 'object', required: ['number'], properties: { number: { type: 'string' } } },
    }
    const headers = await auth(['steward'], 'lf-hrss')
    const post = (payload: object) =>
      hub.app.inject({ method: 'POST', url: '/v1/certificates/types', headers, payload })
    const broken = await post({
      ...type,
      faceSchema: { type: 'object', properties: { n: { type: 'nope' } } },
    })
    expect(broken.statusCode).toBe(400)
    expect(await countRows(hub.database.db, 'certificate_types', { code: type.code })).toBe(0)
    const created = await post(type)
    expect(created.statusCode).toBe(201)
    // The face schema comes back whole, not as `{}`.
    expect(created.json().faceSchema).toEqual(type.faceSchema)
    expect((await post(type)).json().code).toBe('certificate-type-exists')
  })
})

describe('status and verification', () => {
  it('reports suspension, reinstatement and revocation at verify time; a revoked certificate stays revoked', async () => {
    const { certificate, document } = (await issue()).json<CertificateSigned>()
    const headers = await auth(['steward'], 'lf-hfund')
    const change = (status: string) =>
      hub.app.inject({
        method: 'POST',
        url: `/v1/certificates/${certificate.id}/status`,
        headers,
        payload: { status, reason: 'test' },
      })
    expect((await change('suspended')).json().status).toBe('suspended')
    expect(await verify(document)).toMatchObject({ valid: false, reason: 'suspended', signatureValid: true })
    expect((await change('valid')).statusCode).toBe(200)
    expect((await verify(document)).valid).toBe(true)
    expect((await change('revoked')).statusCode).toBe(200)
    expect(await verify(document)).toMatchObject({ valid: false, reason: 'revoked', status: 'revoked' })
    const again = await change('valid')
    expect(again.statusCode).toBe(409)
    expect(again.json().code).toBe('certificate-revoked')
  })

  it('hides a certificate from other departments and refuses an identifier whose check character fails', async () => {
    const { certificate } = (await issue()).json<CertificateSigned>()
    const other = await hub.app.inject({
      method: 'GET',
      url: `/v1/certificates/${certificate.id}`,
      headers: await auth(['steward'], 'lf-hrss'),
    })
    expect(other.statusCode).toBe(404)
    const wrongCheck = certificate.id.slice(0, -1) + (certificate.id.endsWith('0') ? '1' : '0')
    const bad = await hub.app.inject({
      method: 'GET',
      url: `/v1/certificates/${wrongCheck}`,
      headers: await auth(['steward'], 'lf-hfund'),
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().code).toBe('certificate-id-invalid')
  })

  it('reports an expired certificate, a tampered document and a key the hub does not know', async () => {
    const expired = (
      await issue({ issuedOn: '2020-01-01', validUntil: '2021-01-01' })
    ).json<CertificateSigned>()
    expect(expired.certificate.status).toBe('expired')
    expect(await verify(expired.document)).toMatchObject({ valid: false, reason: 'expired' })

    const [header, payload, signature] = expired.document.split('.') as [string, string, string]
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
    claims.certificate.validUntil = '2099-01-01'
    const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`
    expect(await verify(tampered)).toMatchObject({
      valid: false,
      reason: 'bad-signature',
      signatureValid: false,
    })

    const { privateKey } = await generateKeyPair('ES256')
    const forged = await new CompactSign(Buffer.from(JSON.stringify(claims)))
      .setProtectedHeader({ alg: 'ES256', kid: decodeProtectedHeader(expired.document).kid as string })
      .sign(privateKey)
    expect((await verify(forged)).reason).toBe('bad-signature')
    expect((await verify('not-a-jws')).reason).toBe('malformed')
  })

  it('rotates keys: new documents use the new kid, old ones keep verifying, both are in the JWKS', async () => {
    const before = (await issue()).json<CertificateSigned>()
    const denied = await hub.app.inject({
      method: 'POST',
      url: '/v1/certificates/issuers/lf-hfund/keys/rotate',
      headers: await auth(['consumer'], 'lf-hfund'),
    })
    expect(denied.statusCode).toBe(403)
    const rotated = await hub.app.inject({
      method: 'POST',
      url: '/v1/certificates/issuers/lf-hfund/keys/rotate',
      headers: await auth(['admin'], 'lf-bigdata'),
    })
    expect(rotated.statusCode).toBe(201)
    const after = (await issue()).json<CertificateSigned>()
    const oldKid = decodeProtectedHeader(before.document).kid
    expect(decodeProtectedHeader(after.document).kid).toBe(rotated.json().kid)
    expect(rotated.json().kid).not.toBe(oldKid)
    expect((await verify(before.document)).valid).toBe(true)
    const kids = (await jwks('lf-hfund')).keys.map((k: { kid: string }) => k.kid)
    expect(kids).toEqual(expect.arrayContaining([oldKid, rotated.json().kid]))
  })

  it('answers 404 problem+json for the key set of a department that does not exist', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/v1/certificates/issuers/no-such-dept/jwks' })
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json().code).toBe('department-not-found')
  })
})

describe('listing an issuer’s certificates', () => {
  const list = async (query: string, roles = ['steward'], department = 'lf-hfund') => {
    const res = await hub.app.inject({
      method: 'GET',
      url: `/v1/certificates?${query}`,
      headers: await auth(roles, department),
    })
    return { status: res.statusCode, body: res.json() }
  }

  it('pages through every certificate of the caller’s department exactly once, newest issue date first', async () => {
    for (const issuedOn of ['2025-03-01', '2026-02-01', '2026-02-01'])
      expect((await issue({ issuedOn })).statusCode).toBe(201)
    const all = await hub.database
      .db('certificates')
      .where({ issuer_department: 'lf-hfund' })
      .count({ n: '*' })
    const seen: { id: string; issuedOn: string; issuerDepartment: string }[] = []
    let cursor: string | null = null
    do {
      const page = await list(`limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      expect(page.status).toBe(200)
      seen.push(...page.body.items)
      cursor = page.body.nextCursor
    } while (cursor)
    expect(seen).toHaveLength(Number(all[0]!.n))
    expect(new Set(seen.map((c) => c.id)).size).toBe(seen.length)
    expect(seen.every((c) => c.issuerDepartment === 'lf-hfund')).toBe(true)
    const dates = seen.map((c) => c.issuedOn)
    expect(dates).toEqual([...dates].sort().reverse())
  })

  it('filters by status as it is today: a revoked one under revoked, an ended validity under expired', async () => {
    const revoked = (await issue()).json<CertificateSigned>().certificate
    const headers = await auth(['steward'], 'lf-hfund')
    await hub.app.inject({
      method: 'POST',
      url: `/v1/certificates/${revoked.id}/status`,
      headers,
      payload: { status: 'revoked', reason: '注销' },
    })
    const ended = (
      await issue({ issuedOn: '2024-01-01', validUntil: '2024-12-31' })
    ).json<CertificateSigned>().certificate
    const ids = async (status: string) =>
      ((await list(`status=${status}&limit=100`)).body.items as { id: string }[]).map((c) => c.id)
    expect(await ids('revoked')).toContain(revoked.id)
    expect(await ids('expired')).toEqual(expect.arrayContaining([ended.id]))
    expect(await ids('valid')).not.toEqual(expect.arrayContaining([ended.id]))
    expect(await ids('valid')).not.toEqual(expect.arrayContaining([revoked.id]))
  })

  it('refuses another department, audited as denied; a forged cursor is 400', async () => {
    const denied = await list('issuer=lf-hfund', ['steward'], 'lf-hrss')
    expect(denied.status).toBe(403)
    expect(denied.body.code).toBe('not-issuing-department')
    const audit = await hub.database
      .db('audit_records')
      .where({ action: 'certificates.list', outcome: 'denied', resource_id: 'lf-hfund' })
      .first()
    expect(audit).toMatchObject({ department: 'lf-hrss', reason: 'not-issuing-department' })
    expect((await list('cursor=bm90LWEtY3Vyc29y')).body.code).toBe('invalid-cursor')
  })
})
