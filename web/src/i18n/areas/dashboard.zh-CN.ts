/** The leaders' dashboard (一网一门一次) and administration — 中文 strings. */
export default {}
