/** The security officer's desk (安全审计) and the citizen's page — 中文 strings. */
export default {}
