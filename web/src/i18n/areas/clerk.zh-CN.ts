/** The clerk's window (窗口受理) — 中文 strings. */
export default {}
