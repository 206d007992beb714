/**
 * Personal identifiers never reach the log in plain text (DESIGN invariant 6). Identifiers that can
 * appear in URLs are masked by shape: resident IDs (18 chars), unified credit codes (18 chars),
 * mobile numbers (11 digits). Query strings are dropped entirely.
 */
const RESIDENT_ID = /\b\d{17}[\dXx]\b/g
const CREDIT_CODE = /\b[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}\b/g
const MOBILE = /\b1[3-9]\d{9}\b/g

export function maskIdentifiers(text: string): string {
  return text
    .replace(RESIDENT_ID, (m) => `${m.slice(0, 3)}***********${m.slice(-4)}`)
    .replace(CREDIT_CODE, (m) => `${m.slice(0, 4)}**********${m.slice(-4)}`)
    .replace(MOBILE, (m) => `${m.slice(0, 3)}****${m.slice(-4)}`)
}

export function loggableUrl(url: string): string {
  const q = url.indexOf('?')
  return maskIdentifiers(q === -1 ? url : `${url.slice(0, q)}?…`)
}
