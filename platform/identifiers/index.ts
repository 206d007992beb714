export {
  CERTIFICATE_ROOT,
  type CertificateIdFailure,
  type CertificateIdParts,
  type CertificateIdResult,
  type CertificateIssuerKind,
  computeCertificateCheck,
  formatCertificateId,
  isValidCertificateId,
  type ParsedCertificateId,
  validateCertificateId,
} from './certificate-id.ts'
export {
  CREDIT_CODE_ALPHABET,
  CREDIT_CODE_SHAPE,
  type CreditCodeFailure,
  type CreditCodeOptions,
  type CreditCodeResult,
  type CreditCodeWarning,
  computeCreditCodeCheck,
  computeOrganizationCodeCheck,
  isValidCreditCode,
  validateCreditCode,
} from './credit-code.ts'
export {
  childDivisions,
  type Division,
  type DivisionLevel,
  isKnownDivision,
  lookupDivision,
} from './division-codes.ts'
export {
  isValidMobile,
  type MobileFailure,
  type MobileResult,
  maskMobile,
  maskName,
  validateMobile,
} from './phone.ts'
export {
  computeResidentIdCheck,
  isValidResidentId,
  maskResidentId,
  type ResidentIdFailure,
  type ResidentIdOptions,
  type ResidentIdResult,
  type Sex,
  validateResidentId,
} from './resident-id.ts'
