import { createContext, useContext } from 'react';

export type Lang = 'zh' | 'en';

const zh = {
  appName: 'shopops 运营',
  menuBoard: '今日看板',
  menuTrends: '趋势',
  menuCs: '客服',
  menuTasks: '任务',
  menuReports: '报表',
  // Trends, customer-service ranking, reports
  rangeYesterday: '昨日',
  rangeLast7: '近7天',
  rangeLast30: '近30天',
  rangeLast90: '近90天',
  byDay: '按日',
  byWeek: '按周',
  byMonth: '按月',
  trendsTitle: '店铺趋势',
  trendTable: '明细',
  period: '周期',
  dataDays: '有数据天数',
  csTitle: '客服排行',
  csOneDay: '单日',
  csRangeMode: '区间',
  csPooled: '团队合计',
  csSubtitle: '{from} 至 {to} · 按表头排序 · 红色为差于团队值',
  rank: '排名',
  agent: '客服',
  received: '接待人数',
  inquiries: '询单人数',
  salesAmount: '客服销售额',
  inquiryConversion: '询单转化率',
  orderRate: '询单→下单',
  paymentRate: '下单→付款',
  csAov: '客服客单价',
  avgFirstResponse: '平均首响',
  avgResponse: '平均响应',
  answerRatio: '答问比',
  replyRate: '回复率',
  satisfaction: '满意度',
  gapToTeam: '与团队差距 {gap}',
  points: '{v} 个百分点',
  noAgents: '该时段没有客服数据',
  reportsTitle: '报表',
  tabAds: '推广',
  tabDesign: '美工',
  tabProducts: '商品',
  adByChannel: '按渠道',
  adByOwner: '按负责人',
  adTotal: '全部渠道',
  channel: '渠道',
  impressions: '展现量',
  clicks: '点击量',
  spend: '花费',
  attributedOrders: '成交笔数',
  attributedAmount: '成交金额',
  ctr: '点击率',
  cpc: 'PPC',
  cvr: '点击转化率',
  roi: '投入产出比',
  spendVsAmount: '花费与成交金额',
  ZTC: '直通车',
  DISPLAY: '钻展/引力魔方',
  TAOBAOKE: '淘宝客',
  SUPER_RECOMMEND: '超级推荐',
  PINXIAOBAO: '品销宝',
  LIVE: '直播',
  OTHER: '其他',
  designer: '美工',
  delivered: '交付数',
  onTime: '准时交付',
  onTimeRate: '准时率',
  revisions: '修改次数',
  avgRevisions: '平均修改',
  openWork: '未交付',
  product: '商品',
  itemId: '商品ID',
  hero: '主推款',
  paidUnits: '支付件数',
  badReviews: '中差评',
  stock: '库存',
  recentDailyUnits: '近7日日均件数',
  stockCoverDays: '可售天数',
  productsTotal: '共 {n} 个商品',
  loadMore: '加载更多',
  noDesignWork: '该时段没有美工交付',
  noAds: '该时段没有推广数据',
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
};

export type Dict = typeof zh;
export type DictKey = keyof Dict;

const en: Dict = {
  appName: 'shopops',
  menuBoard: 'Board',
  menuTrends: 'Trends',
  menuCs: 'Customer service',
  menuTasks: 'Tasks',
  menuReports: 'Reports',
  // Trends, customer-service ranking, reports
  rangeYesterday: 'Yesterday',
  rangeLast7: 'Last 7 days',
  rangeLast30: 'Last 30 days',
  rangeLast90: 'Last 90 days',
  byDay: 'By day',
  byWeek: 'By week',
  byMonth: 'By month',
  trendsTitle: 'Shop trends',
  trendTable: 'Numbers',
  period: 'Period',
  dataDays: 'Days with data',
  csTitle: 'Customer-service ranking',
  csOneDay: 'One day',
  csRangeMode: 'Range',
  csPooled: 'Team pooled',
  csSubtitle: '{from} to {to} · sort by any column · red is worse than the team',
  rank: 'Rank',
  agent: 'Agent',
  received: 'Received',
  inquiries: 'Inquiries',
  salesAmount: 'Sales',
  inquiryConversion: 'Inquiry conversion',
  orderRate: 'Inquiry → order',
  paymentRate: 'Order → payment',
  csAov: 'CS AOV',
  avgFirstResponse: 'Avg first response',
  avgResponse: 'Avg response',
  answerRatio: 'Answer ratio',
  replyRate: 'Reply rate',
  satisfaction: 'Satisfaction',
  gapToTeam: 'Gap to the team {gap}',
  points: '{v} pts',
  noAgents: 'No customer-service data in this range',
  reportsTitle: 'Reports',
  tabAds: 'Promotion',
  tabDesign: 'Design',
  tabProducts: 'Products',
  adByChannel: 'By channel',
  adByOwner: 'By owner',
  adTotal: 'All channels',
  channel: 'Channel',
  impressions: 'Impressions',
  clicks: 'Clicks',
  spend: 'Spend',
  attributedOrders: 'Orders',
  attributedAmount: 'Attributed amount',
  ctr: 'CTR',
  cpc: 'CPC',
  cvr: 'CVR',
  roi: 'ROI',
  spendVsAmount: 'Spend and attributed amount',
  ZTC: 'Zhitongche',
  DISPLAY: 'Display',
  TAOBAOKE: 'Taobaoke',
  SUPER_RECOMMEND: 'Super recommend',
  PINXIAOBAO: 'Pinxiaobao',
  LIVE: 'Live',
  OTHER: 'Other',
  designer: 'Designer',
  delivered: 'Delivered',
  onTime: 'On time',
  onTimeRate: 'On-time rate',
  revisions: 'Revisions',
  avgRevisions: 'Revisions per piece',
  openWork: 'Open',
  product: 'Product',
  itemId: 'Item ID',
  hero: 'Hero',
  paidUnits: 'Units',
  badReviews: 'Bad reviews',
  stock: 'Stock',
  recentDailyUnits: 'Units/day (last 7)',
  stockCoverDays: 'Days of stock',
  productsTotal: '{n} products',
  loadMore: 'Load more',
  noDesignWork: 'No design work in this range',
  noAds: 'No paid traffic in this range',
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
