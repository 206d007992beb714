import { ConfigError, type HubConfig, loadConfig } from '../config/config.ts'

/** For CLI entry points: a bad configuration stops the process with a message naming the variable. */
export function loadConfigOrExit(): HubConfig {
  try {
    return loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message)
      process.exit(78) // EX_CONFIG
    }
    throw error
  }
}
