// The workbench's pages, each for the roles that work in it; a person lands on their own first page.
import {createRouter, createWebHashHistory} from 'vue-router';
import {has, homeOf} from './auth/person.js';

const routes = [
  {path: '/work', component: () => import('./views/WorkLists.vue'), meta: {roles: ['OPERATOR'], title: '指挥中心工作台'}},
  {path: '/unit', component: () => import('./views/UnitQueue.vue'), meta: {roles: ['HANDLER'], title: '本单位待办'}},
  {path: '/cases/:id', component: () => import('./views/CaseDetail.vue'), props: true,
    meta: {roles: ['OPERATOR', 'HANDLER', 'SUPERVISOR'], title: '案件详情'}},
  {path: '/none', component: () => import('./views/NoPages.vue'), meta: {title: '工作台'}},
];

export function workbenchRouter(person) {
  const router = createRouter({
    history: createWebHashHistory(),
    routes: [...routes, {path: '/:rest(.*)*', redirect: () => homeOf(person)}],
  });
  router.beforeEach(to => {
    if (to.meta.roles && !has(person, ...to.meta.roles)) {
      return homeOf(person);
    }
    return true;
  });
  router.afterEach(to => {
    document.title = `${to.meta.title || '工作台'} · 网格化服务管理`;
  });
  return router;
}
