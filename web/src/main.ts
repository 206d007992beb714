import 'element-plus/theme-chalk/base.css'
import 'element-plus/theme-chalk/el-message.css'
import 'element-plus/theme-chalk/el-message-box.css'
import './styles.css'
import { createApp } from 'vue'
import App from './App.vue'
import { bindSession } from './api/client.ts'
import { i18n } from './i18n/index.ts'
import { router } from './router.ts'
import { clearSession, ensureSession, session } from './session.ts'

bindSession({
  csrfToken: () => session.csrfToken,
  expired: () => {
    if (!session.principal) return
    clearSession()
    void router.push({
      name: 'sign-in',
      query: { expired: '1', returnTo: router.currentRoute.value.fullPath },
    })
  },
})

// Who is signed in is asked while the first page's code is still loading.
void ensureSession()
document.documentElement.lang = i18n.global.locale.value
createApp(App).use(i18n).use(router).mount('#app')
