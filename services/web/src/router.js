// The workbench's pages, each for the roles that work in it; a person lands on their own first page.
import {createRouter, createWebHashHistory} from 'vue-router';
import {has, homeOf} from './auth/person.js';

const routes = [
  {path: '/work', component: () => import('./views/WorkLists.vue'), meta: {roles: ['OPERATOR'], title: '指挥中心工作台'}},
  {path: '/dashboard', component: () => import('./views/Dashboard.vue'),
    meta: {roles: ['OPERATOR', 'SUPERVISOR'], title: '办结率看板'}},
  {path: '/assessment', component: () => import('./views/GridWorkerAssessment.vue'),
    meta: {roles: ['OPERATOR', 'SUPERVISOR'], title: '网格员考核'}},
  {path: '/search', component: () => import('./views/CaseSearch.vue'),
    meta: {roles: ['OPERATOR', 'SUPERVISOR'], title: '案件搜索'}},
  {path: '/supervision', component: () => import('./views/SupervisionList.vue'),
    meta: {roles: ['OPERATOR', 'SUPERVISOR'], title: '督办'}},
  {path: '/unit', component: () => import('./views/UnitQueue.vue'), meta: {roles: ['HANDLER'], title: '本单位待办'}},
  {path: '/grid-tasks', component: () => import('./views/UnitQueue.vue'), props: {grids: true},
    meta: {roles: ['GRID_WORKER'], title: '网格任务'}},
  {path: '/report', component: () => import('./views/ReportForm.vue'), meta: {roles: ['GRID_WORKER'], title: '上报'}},
  {path: '/mine', component: () => import('./views/MyReports.vue'), meta: {roles: ['GRID_WORKER'], title: '我的上报'}},
  {path: '/my-assessment', component: () => import('./views/MyAssessment.vue'),
    meta: {roles: ['GRID_WORKER'], title: '我的考核'}},
  {path: '/patrol', component: () => import('./views/PatrolLog.vue'), meta: {roles: ['GRID_WORKER'], title: '巡查走访'}},
  {path: '/cases/:id', component: () => import('./views/CaseDetail.vue'), props: true,
    meta: {roles: ['OPERATOR', 'HANDLER', 'SUPERVISOR', 'GRID_WORKER'], title: '案件详情'}},
  {path: '/admin/units', component: () => import('./views/admin/UnitDirectory.vue'),
    meta: {roles: ['ADMIN', 'OPERATOR'], title: '处置单位名录'}},
  {path: '/admin/grid-registry', component: () => import('./views/admin/GridRegistry.vue'),
    meta: {roles: ['ADMIN'], title: '网格库导入'}},
  {path: '/admin/routing-rules', component: () => import('./views/admin/RoutingRules.vue'),
    meta: {roles: ['ADMIN'], title: '分流规则'}},
  {path: '/admin/assessment-rules', component: () => import('./views/admin/AssessmentRules.vue'),
    meta: {roles: ['ADMIN'], title: '考核规则'}},
  {path: '/admin/grid-workers', component: () => import('./views/admin/GridWorkerRoster.vue'),
    meta: {roles: ['ADMIN'], title: '网格员花名册'}},
  {path: '/admin/calendar', component: () => import('./views/admin/HolidayCalendar.vue'),
    meta: {roles: ['ADMIN'], title: '节假日安排'}},
  {path: '/admin/dead-letters', component: () => import('./views/admin/DeadLetters.vue'),
    meta: {roles: ['ADMIN'], title: '12345死信'}},
  {path: '/admin/stats-rebuild', component: () => import('./views/admin/StatsRebuild.vue'),
    meta: {roles: ['ADMIN'], title: '统计重算'}},
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
