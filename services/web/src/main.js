import {createApp} from 'vue';
import ElementPlus from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import 'element-plus/dist/index.css';
import './style.css';
import App from './App.vue';
import {loadConfig} from './api/config.js';
import {configure} from './api/http.js';
import {startSession} from './auth/session.js';
import {workbenchRouter} from './router.js';

async function start() {
  const config = await loadConfig();
  const session = await startSession(config);
  if (!session) {
    return; // on the way to the login page
  }
  configure(config.services, session);
  createApp(App, {session})
    .provide('person', session.person)
    .use(ElementPlus, {locale: zhCn})
    .use(workbenchRouter(session.person))
    .mount('#app');
}

start().catch(failure => {
  const app = document.getElementById('app');
  app.textContent = '';
  const message = document.createElement('p');
  message.className = 'starting failed';
  message.textContent = `工作台无法打开：${failure.message || failure}。请稍后刷新页面重试。`;
  app.append(message);
});
