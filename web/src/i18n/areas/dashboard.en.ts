/** The leaders' dashboard (一网一门一次) and administration — English strings. */
export default {}
