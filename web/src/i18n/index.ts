import { createI18n } from 'vue-i18n'
import en from './en.ts'
import zhCN from './zh-CN.ts'

export type Locale = 'zh-CN' | 'en'

const LOCALE_KEY = 'hub.console.locale'

function initialLocale(): Locale {
  return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})

/** Switches the language of the whole console and remembers it on this computer. */
export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  localStorage.setItem(LOCALE_KEY, locale)
  document.documentElement.lang = locale
}
