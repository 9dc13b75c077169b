import { createContext, useContext } from 'react';

export type Lang = 'zh' | 'en';

const zh = {
  appName: 'shopops 运营',
  menuBoard: '今日看板',
  menuTrends: '趋势',
  menuCs: '客服',
  menuTasks: '任务',
  comingSoon: '即将上线',
  comingSoonText: '此页面正在开发中。',
  logout: '退出登录',
  login: '登录',
  loginTitle: '登录 shopops',
  email: '邮箱',
  password: '密码',
  emailRequired: '请输入邮箱',
  passwordRequired: '请输入密码',
  team: '团队',
  language: 'English',
  loading: '加载中…',
  retry: '重试',
  boardTitle: '今日看板',
  boardSubtitle: '{team} · 工作日 {today} · 昨日 {yesterday}',
  noTeam: '请选择一个团队',
  keyNumbers: '昨日关键指标',
  vsTarget: '对目标',
  vs7Day: '对7日均值',
  vsLastWeek: '对上周同日',
  vsPrevDay: '对前一日',
  target: '目标',
  noTarget: '无目标',
  noData: '无数据',
  noDayData: '{date} 的店铺数据尚未导入',
  gmvSplit: '支付金额变化拆解',
  gmvSplitBasis: '基准',
  gmvChange: '支付金额变化',
  baseGmv: '基准支付金额',
  dayGmv: '昨日支付金额',
  traffic: '流量',
  conversion: '转化',
  aov: '客单价',
  noSplit: '没有可拆解的变化',
  findings: '晨间诊断发现',
  findingsOf: '诊断日期 {date}',
  noDiagnosis: '尚未运行诊断',
  noFindings: '没有发现问题',
  severity: '严重度',
  code: '规则',
  message: '发现',
  ownerRole: '负责角色',
  owner: '负责人',
  suggestedAction: '建议动作',
  observed: '实际',
  expected: '对比值',
  assignee: '指派给',
  assigneeDefault: '默认分配',
  makeTasks: '生成任务',
  hasTask: '已有任务',
  runDiagnosis: '运行诊断',
  rerunDiagnosis: '重新诊断',
  diagnosisDone: '诊断已更新',
  makeTasksAll: '全部生成任务',
  makeTasksSelected: '为所选生成任务 ({n})',
  tasksMade: '已生成 {n} 个任务',
  tasksNone: '没有新任务（每条发现都已有任务）',
  tasks: '今日任务',
  tasksByRole: '按角色',
  total: '合计',
  overdue: '逾期',
  completionRate: '完成率',
  noTasks: '今天没有到期任务',
  awaiting: '待验证（昨日已完成）',
  noAwaiting: '没有待验证的任务',
  metric: '指标',
  raised: '发现时',
  measured: '复测',
  stillFiring: '仍触发',
  fixed: '已改善',
  pendingData: '等待数据',
  title: '标题',
  status: '状态',
  due: '截止',
  error: '出错了',
  skipped: '未运行的规则',
  HIGH: '高',
  MEDIUM: '中',
  LOW: '低',
  CUSTOMER_SERVICE: '客服',
  DESIGNER: '美工',
  PROMOTION: '推广',
  OPERATIONS: '运营',
  TODO: '待办',
  IN_PROGRESS: '进行中',
  BLOCKED: '受阻',
  DONE: '已完成',
  VERIFIED: '已验证',
  CANCELLED: '已取消',
  VISITORS: '访客数',
  PAID_BUYERS: '支付买家数',
  PAID_AMOUNT: '支付金额',
  CONVERSION_RATE: '支付转化率',
  AOV: '客单价',
  BOUNCE_RATE: '跳失率',
  VISIT_DEPTH: '人均浏览量',
  FAV_CART_RATE: '收藏加购率',
  REFUND_RATE: '退款率',
  UV_VALUE: 'UV价值',
  AD_SPEND: '推广花费',
  AD_ROI: '推广ROI',
  NET_PROFIT: '净利润',
  taskBoard: '任务看板',
  myTasks: '我的任务',
  newTask: '新建任务',
  allRoles: '全部角色',
  allPeople: '全部人员',
  onlyOverdue: '只看逾期',
  columnTotal: '共 {n} 个',
  showingOf: '显示 {shown} / {total}',
  loadMore: '加载更多',
  noTasksHere: '暂无任务',
  move_TODO: '退回待办',
  move_IN_PROGRESS: '开始处理',
  move_BLOCKED: '标记受阻',
  move_DONE: '完成',
  move_VERIFIED: '验证通过',
  move_CANCELLED: '取消任务',
  moveReasonTitle: '移到「{status}」的原因',
  reasonRequired: '请填写原因',
  confirm: '确定',
  cancel: '取消',
  moved: '已移到「{status}」',
  staleTitle: '这个任务刚被别人改过',
  staleText: '你看到的是旧版本，刷新后再操作。',
  reload: '刷新',
  reason: '原因',
  detail: '详情',
  role: '角色',
  priority: '优先级',
  dueAt: '截止时间',
  creator: '创建人',
  createdAt: '创建时间',
  unassigned: '未分配',
  fromFinding: '来自诊断',
  manualTask: '手动任务',
  followUps: '跟进记录',
  noFollowUps: '还没有跟进',
  followUpPlaceholder: '写下进展、卡点或下一步…',
  addFollowUp: '添加跟进',
  followUpAdded: '已添加跟进',
  auditTrail: '变更记录',
  reassign: '改派',
  reassigned: '已改派给 {name}',
  edit: '编辑',
  save: '保存',
  saved: '已保存',
  taskCreated: '任务已创建',
  titleRequired: '请填写标题',
  roleRequired: '请选择角色',
  verification: '验证',
  audit_status: '状态',
  audit_assignee: '负责人',
  audit_reason: '原因',
  audit_followUp: '跟进',
  audit_title: '标题',
  audit_detail: '详情',
  audit_priority: '优先级',
  audit_dueAt: '截止时间',
  audit_completedAt: '完成时间',
  audit_created: '创建',
};

export type Dict = typeof zh;
export type DictKey = keyof Dict;

const en: Dict = {
  appName: 'shopops',
  menuBoard: 'Board',
  menuTrends: 'Trends',
  menuCs: 'Customer service',
  menuTasks: 'Tasks',
  comingSoon: 'Coming soon',
  comingSoonText: 'This page is being built.',
  logout: 'Log out',
  login: 'Sign in',
  loginTitle: 'Sign in to shopops',
  email: 'E-mail',
  password: 'Password',
  emailRequired: 'Enter your e-mail',
  passwordRequired: 'Enter your password',
  team: 'Team',
  language: '中文',
  loading: 'Loading…',
  retry: 'Retry',
  boardTitle: 'Morning board',
  boardSubtitle: '{team} · working day {today} · yesterday {yesterday}',
  noTeam: 'Pick a team',
  keyNumbers: "Yesterday's key numbers",
  vsTarget: 'vs target',
  vs7Day: 'vs 7-day mean',
  vsLastWeek: 'vs same day last week',
  vsPrevDay: 'vs day before',
  target: 'Target',
  noTarget: 'no target',
  noData: 'no data',
  noDayData: 'No shop data imported for {date} yet',
  gmvSplit: 'Paid amount change, split',
  gmvSplitBasis: 'Base',
  gmvChange: 'Paid amount change',
  baseGmv: 'Base paid amount',
  dayGmv: "Yesterday's paid amount",
  traffic: 'Traffic',
  conversion: 'Conversion',
  aov: 'AOV',
  noSplit: 'No change to split',
  findings: "The morning's findings",
  findingsOf: 'Diagnosis of {date}',
  noDiagnosis: 'The diagnosis has not been run yet',
  noFindings: 'No findings',
  severity: 'Severity',
  code: 'Rule',
  message: 'Finding',
  ownerRole: 'Owner role',
  owner: 'Owner',
  suggestedAction: 'Suggested action',
  observed: 'Observed',
  expected: 'Against',
  assignee: 'Assign to',
  assigneeDefault: 'Default',
  makeTasks: 'Make tasks',
  hasTask: 'Has a task',
  runDiagnosis: 'Run the diagnosis',
  rerunDiagnosis: 'Run again',
  diagnosisDone: 'Diagnosis updated',
  makeTasksAll: 'Make tasks for all',
  makeTasksSelected: 'Make tasks for selected ({n})',
  tasksMade: '{n} tasks made',
  tasksNone: 'No new tasks (every finding has one already)',
  tasks: "Today's tasks",
  tasksByRole: 'By role',
  total: 'Total',
  overdue: 'Overdue',
  completionRate: 'Completion',
  noTasks: 'No tasks due today',
  awaiting: "Awaiting verification (done yesterday)",
  noAwaiting: 'Nothing awaits verification',
  metric: 'Metric',
  raised: 'When raised',
  measured: 'Measured',
  stillFiring: 'Still firing',
  fixed: 'Improved',
  pendingData: 'Waiting for data',
  title: 'Title',
  status: 'Status',
  due: 'Due',
  error: 'Something went wrong',
  skipped: 'Rules not run',
  HIGH: 'High',
  MEDIUM: 'Medium',
  LOW: 'Low',
  CUSTOMER_SERVICE: 'Customer service',
  DESIGNER: 'Designer',
  PROMOTION: 'Promotion',
  OPERATIONS: 'Operations',
  TODO: 'To do',
  IN_PROGRESS: 'In progress',
  BLOCKED: 'Blocked',
  DONE: 'Done',
  VERIFIED: 'Verified',
  CANCELLED: 'Cancelled',
  VISITORS: 'Visitors',
  PAID_BUYERS: 'Paying buyers',
  PAID_AMOUNT: 'Paid amount',
  CONVERSION_RATE: 'Conversion',
  AOV: 'AOV',
  BOUNCE_RATE: 'Bounce rate',
  VISIT_DEPTH: 'Pages per visitor',
  FAV_CART_RATE: 'Fav/cart rate',
  REFUND_RATE: 'Refund rate',
  UV_VALUE: 'UV value',
  AD_SPEND: 'Ad spend',
  AD_ROI: 'Ad ROI',
  NET_PROFIT: 'Net profit',
  taskBoard: 'Task board',
  myTasks: 'My tasks',
  newTask: 'New task',
  allRoles: 'All roles',
  allPeople: 'Everyone',
  onlyOverdue: 'Overdue only',
  columnTotal: '{n} in all',
  showingOf: 'Showing {shown} of {total}',
  loadMore: 'Load more',
  noTasksHere: 'No tasks',
  move_TODO: 'Back to to-do',
  move_IN_PROGRESS: 'Start',
  move_BLOCKED: 'Blocked',
  move_DONE: 'Done',
  move_VERIFIED: 'Verify',
  move_CANCELLED: 'Cancel task',
  moveReasonTitle: 'Why move it to “{status}”?',
  reasonRequired: 'A reason is required',
  confirm: 'OK',
  cancel: 'Cancel',
  moved: 'Moved to “{status}”',
  staleTitle: 'Someone else just changed this task',
  staleText: 'You are looking at an old version: reload, then try again.',
  reload: 'Reload',
  reason: 'Reason',
  detail: 'Detail',
  role: 'Role',
  priority: 'Priority',
  dueAt: 'Due',
  creator: 'Created by',
  createdAt: 'Created',
  unassigned: 'Unassigned',
  fromFinding: 'From the diagnosis',
  manualTask: 'Manual task',
  followUps: 'Follow-ups',
  noFollowUps: 'No follow-ups yet',
  followUpPlaceholder: 'Progress, what blocks it, the next step…',
  addFollowUp: 'Add follow-up',
  followUpAdded: 'Follow-up added',
  auditTrail: 'History',
  reassign: 'Reassign',
  reassigned: 'Reassigned to {name}',
  edit: 'Edit',
  save: 'Save',
  saved: 'Saved',
  taskCreated: 'Task created',
  titleRequired: 'A title is required',
  roleRequired: 'Choose a role',
  verification: 'Verification',
  audit_status: 'Status',
  audit_assignee: 'Assignee',
  audit_reason: 'Reason',
  audit_followUp: 'Follow-up',
  audit_title: 'Title',
  audit_detail: 'Detail',
  audit_priority: 'Priority',
  audit_dueAt: 'Due',
  audit_completedAt: 'Completed',
  audit_created: 'Created',
};

export const dictionaries: Record<Lang, Dict> = { zh, en };

const LANG_KEY = 'shopops.lang';

export function loadLang(): Lang {
  return window.localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
}

export function saveLang(lang: Lang): void {
  window.localStorage.setItem(LANG_KEY, lang);
}

export function localeOf(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en-US';
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: DictKey, vars?: Record<string, string | number>) => string;
  /** A key that may not be in the dictionary (an enum value from the API): falls back to the value itself. */
  tx: (key: string) => string;
  money: (value: string | number | null | undefined) => string;
  num: (value: string | number | null | undefined, places?: number) => string;
  pct: (fraction: string | number | null | undefined, places?: number) => string;
  signedPct: (percent: number | null | undefined) => string;
  date: (iso: string | null | undefined) => string;
  dateTime: (iso: string | null | undefined) => string;
}

function toNumber(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

export function makeI18n(lang: Lang, setLang: (lang: Lang) => void): I18n {
  const dict = dictionaries[lang];
  const locale = localeOf(lang);
  const moneyFmt = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const dateFmt = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' });
  const dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const dash = '—';
  return {
    lang,
    setLang,
    t: (key, vars) => {
      let s: string = dict[key];
      if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
      return s;
    },
    tx: (key) => (key in dict ? dict[key as DictKey] : key),
    money: (value) => {
      const n = toNumber(value);
      return n === null ? dash : moneyFmt.format(n);
    },
    num: (value, places = 0) => {
      const n = toNumber(value);
      return n === null
        ? dash
        : new Intl.NumberFormat(locale, { minimumFractionDigits: places, maximumFractionDigits: places }).format(n);
    },
    pct: (fraction, places = 2) => {
      const n = toNumber(fraction);
      return n === null
        ? dash
        : new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: places, maximumFractionDigits: places }).format(n);
    },
    signedPct: (percent) => {
      if (percent === null || percent === undefined || !Number.isFinite(percent)) return dash;
      return new Intl.NumberFormat(locale, {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
        signDisplay: 'exceptZero',
      }).format(percent / 100);
    },
    date: (iso) => {
      if (!iso) return dash;
      const d = new Date(`${iso}T00:00:00Z`);
      return Number.isNaN(d.getTime()) ? iso : dateFmt.format(d);
    },
    dateTime: (iso) => {
      if (!iso) return dash;
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : dateTimeFmt.format(d);
    },
  };
}

export const I18nContext = createContext<I18n>(makeI18n('zh', () => undefined));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
