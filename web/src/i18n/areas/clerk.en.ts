/** The clerk's window (窗口受理) — English strings. */
export default {}
