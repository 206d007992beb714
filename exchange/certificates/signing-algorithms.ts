/** The JWS `alg` of a certificate signing key: ES256 (JOSE) or SM2 with SM3 (ADR 0007). */
export type CertificateAlg = 'ES256' | 'SM2-SM3'

/** Which algorithms a department signs with; the first signs new documents, the others are published too. */
export type SigningAlgorithms = (department: string) => readonly CertificateAlg[]

const NAMES: Record<string, CertificateAlg> = { ES256: 'ES256', SM2: 'SM2-SM3', 'SM2-SM3': 'SM2-SM3' }

function parseList(text: string, what: string): CertificateAlg[] {
  const algs = text.split('+').map((name) => {
    const alg = NAMES[name.trim().toUpperCase()]
    if (!alg)
      throw new Error(`CERT_SIGNING_ALGORITHMS: ${what}: unknown algorithm "${name.trim()}" (ES256 or SM2)`)
    return alg
  })
  if (new Set(algs).size !== algs.length)
    throw new Error(`CERT_SIGNING_ALGORITHMS: ${what}: an algorithm is listed twice`)
  return algs
}

/**
 * `CERT_SIGNING_ALGORITHMS`: the default list, then per-department overrides, `;`-separated, e.g.
 * `ES256;141000-rsj=SM2+ES256;141000-gjj=SM2`. A list is `+`-separated; its first algorithm signs
 * new documents, every listed one has an active, published key, so during a migration both sit
 * side by side (`ES256+SM2` publishes the SM2 key early; `SM2+ES256` switches; `SM2` finishes).
 * Documents of retired keys of either algorithm keep verifying.
 */
export function parseSigningAlgorithms(text: string | undefined): SigningAlgorithms {
  const entries = (text ?? '')
    .split(';')
    .map((e) => e.trim())
    .filter(Boolean)
  let fallback: CertificateAlg[] = ['ES256']
  const perDepartment = new Map<string, CertificateAlg[]>()
  for (const entry of entries) {
    const eq = entry.indexOf('=')
    if (eq < 0) fallback = parseList(entry, 'default')
    else {
      const department = entry.slice(0, eq).trim()
      if (!department) throw new Error(`CERT_SIGNING_ALGORITHMS: "${entry}" names no department`)
      perDepartment.set(department, parseList(entry.slice(eq + 1), department))
    }
  }
  return (department) => perDepartment.get(department) ?? fallback
}
