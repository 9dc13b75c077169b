/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What a person may see and change (§9). */
export type AccessLevel =
  /** Everything, every team. */
  | 'ADMIN'
  /** Everything in their own team. */
  | 'MANAGER'
  /** Their own profile, numbers and tasks, and the team's shop metrics. */
  | 'STAFF';

/** A paid-traffic channel (§2). */
export type AdChannel =
  /** 钻展 / 引力魔方 */
  | 'DISPLAY'
  /** 直播 */
  | 'LIVE'
  /** Any other paid channel. */
  | 'OTHER'
  /** 品销宝 */
  | 'PINXIAOBAO'
  /** 超级推荐 */
  | 'SUPER_RECOMMEND'
  /** 淘宝客 (spend is the commission paid) */
  | 'TAOBAOKE'
  /** 直通车 */
  | 'ZTC';

/** A manual adjustment of a person's bonus. */
export type AddBonusAdjustmentInput = {
  /** Yuan, at most two decimals; negative deducts. */
  amount: string;
  /** An open month of the team. */
  month: string;
  /** Mandatory: why, at most 500 characters (kept in the audit trail). */
  reason: string;
  /** The person whose bonus it adjusts. */
  staffId: string | number;
  /** The team. */
  teamId: string | number;
};

/** A note on a task. */
export type AddFollowUpInput = {
  /** The note, at most 4000 characters. */
  body: string;
  /** The task. */
  taskId: string | number;
};

/** A chat nickname for a person. */
export type AddStaffAliasInput = {
  /**
   * The nickname (旺旺子账号) as exports write it, at most 64 characters; unique within
   * the team.
   */
  alias: string;
  /** The person. */
  staffId: string | number;
};

/** A person's grade set by hand, or back to the computed one. */
export type AdjustGradeInput = {
  /** The grade to give; null (or left out) returns to the computed one. */
  grade?: Grade | null | undefined;
  /** The month reviewed, which must be open. */
  month: string;
  /** Why, at most 500 characters (kept in the audit trail). */
  reason: string;
  /** The person reviewed. */
  staffId: string | number;
  /** The team. */
  teamId: string | number;
};

/** A task and its new assignee. */
export type AssignTaskInput = {
  /** The person to give it to. */
  assigneeId: string | number;
  /** The task. */
  id: string | number;
  /** The task's `version` as last read; CONFLICT if it has changed since. */
  version: number;
};

/** What a line item comes from. */
export type BonusKind =
  /** A manager's manual adjustment, with its reason. */
  | 'ADJUSTMENT'
  /** A money metric × a rate, the rate rising by tiers of target completion. */
  | 'COMMISSION'
  /** base × the grade's coefficient. */
  | 'GRADE_BONUS'
  /** Σ over the products a designer owns of max(units − threshold, 0) × amount. */
  | 'PER_UNIT_OVER_THRESHOLD'
  /** base × score / 100. */
  | 'SCORE_BONUS'
  /** pool × own metric / the average of the people of the same role. */
  | 'TEAM_RELATIVE';

/** One rule of a plan: its code and exactly one of the kinds' parameters. */
export type BonusRuleInput = {
  /**
   * The rule's name and payroll column (A–Z, 0–9, _, upper-cased; unique in the plan);
   * default the kind's name, e.g. COMMISSION.
   */
  code?: string | null | undefined;
  /** COMMISSION: metric × rate, the rate tiered by target completion. */
  commission?: CommissionInput | null | undefined;
  /** GRADE_BONUS: base × the grade's coefficient. */
  gradeBonus?: GradeBonusInput | null | undefined;
  /** PER_UNIT_OVER_THRESHOLD: an amount per unit sold over a threshold. */
  perUnitOverThreshold?: PerUnitOverThresholdInput | null | undefined;
  /** SCORE_BONUS: base × score / 100. */
  scoreBonus?: ScoreBonusInput | null | undefined;
  /** TEAM_RELATIVE: a pool shared by the own metric over the role's average. */
  teamRelative?: TeamRelativeInput | null | undefined;
};

/** Whether a bonus run is still a draft. */
export type BonusRunStatus =
  /** The month is open: recompute at will. */
  | 'DRAFT'
  /** The month is finalized: what is paid. */
  | 'FINALIZED';

/**
 * A value for a column: `column` is its field (`owner`) or any header the column is known
 * by (`负责人`); `value` is written as a cell of it would be (`TAOBAOKE` or `淘宝客`).
 */
export type ColumnValueInput = {
  /** The column: its field (`owner`) or any header it is known by (`负责人`). */
  column: string;
  /** The value, written as a cell of the column would be. */
  value: string;
};

/** The manager's comment on a review. */
export type CommentReviewInput = {
  /** At most 4000 characters; empty removes the comment. */
  comment: string;
  /** The month reviewed. */
  month: string;
  /** The person reviewed. */
  staffId: string | number;
  /** The team. */
  teamId: string | number;
};

/** metric × rate, the rate replaced by the highest tier of target completion met. */
export type CommissionInput = {
  /** The amount the rate applies to. */
  metric: CommissionMetric;
  /** A fraction: 0.005 = 0.5 %. */
  rate: string;
  /** Rates by target completion; the highest tier met replaces `rate`. */
  tiers?: Array<CommissionTierInput>;
};

/** The money metrics a commission can be paid on. */
export type CommissionMetric =
  /** The ad owner's attributed sales. */
  | 'ATTRIBUTED_AMOUNT'
  /** The shop's net profit (a loss pays nothing). */
  | 'NET_PROFIT'
  /** The shop's 支付金额. */
  | 'PAID_AMOUNT'
  /** The agent's 客服销售额. */
  | 'SALES_AMOUNT';

/** A tier of a commission: from this completion of the target on, this rate. */
export type CommissionTierInput = {
  /** metric / target from which `rate` applies: 1.0 = 100 %. */
  completion: string;
  /** The rate from that completion on, a fraction: 0.008 = 0.8 %. */
  rate: string;
};

/** What a day is compared with. */
export type ComparisonBasis =
  /** The mean of the 7 days before (of those with data). */
  | 'PREVIOUS_7_DAY_MEAN'
  /** The day before. */
  | 'PREVIOUS_DAY'
  /** The same weekday a week before. */
  | 'SAME_WEEKDAY_LAST_WEEK'
  /** The day's team targets (§4). */
  | 'TARGET';

/** The month whose draft run to recompute. */
export type ComputeBonusRunInput = {
  /** An open month of the team. */
  month: string;
  /** The team. */
  teamId: string | number;
};

/** A new item of a team. */
export type CreateProductInput = {
  /** The designer (美工) who owns the item's images; must be an active DESIGNER of the team. */
  designerId?: string | number | null | undefined;
  /** 主推款. Default false. */
  isHero?: boolean | null | undefined;
  /** The platform's item id (商品ID), unique within the team; at most 64 characters. */
  platformItemId: string;
  /** The team that sells it. */
  teamId: string | number;
  /** The item's title, at most 200 characters. */
  title: string;
  /** Cost per unit in yuan, at most two decimals. Default 0. */
  unitCost?: string | null | undefined;
};

/** A new person. */
export type CreateStaffInput = {
  /** Default STAFF. Only an admin may grant ADMIN. */
  access?: AccessLevel | null | undefined;
  /** Their e-mail address, with which they sign in; one account per address. */
  email: string;
  /** Their name, at most 100 characters. */
  name: string;
  /** Their first password, 8 to 128 characters. */
  password: string;
  /** Required for STAFF access. */
  role?: StaffRole | null | undefined;
  /** Their team; required except for admins. */
  teamId?: string | number | null | undefined;
};

/** A manual task. */
export type CreateTaskInput = {
  /** Omit to give it to the active person of `role` with the fewest open tasks. */
  assigneeId?: string | number | null | undefined;
  /** What to do, in more words. */
  detail?: string | null | undefined;
  /** Default 18:00 local today. */
  dueAt?: string | null | undefined;
  /** Default MEDIUM. */
  priority?: Severity | null | undefined;
  /** The role whose work it is. */
  role: StaffRole;
  /** The team. */
  teamId: string | number;
  /** At most 200 characters. */
  title: string;
};

/** The diagnosis whose findings become tasks. */
export type CreateTasksFromDiagnosisInput = {
  /** The diagnosis. */
  diagnosisId: string | number;
  /** The findings to turn into tasks; omit for every current one that has no task yet. */
  picks?: Array<FindingPick> | null | undefined;
};

/** What a ranking can be sorted by. */
export type CsMetric =
  /** 答问比 = agent messages / buyer messages. */
  | 'ANSWER_RATIO'
  /** Average first response, seconds (lower is better). */
  | 'AVG_FIRST_RESPONSE'
  /** Average response, seconds (lower is better). */
  | 'AVG_RESPONSE'
  /** 客服客单价 = sales amount / paid buyers, yuan. */
  | 'CS_AOV'
  /** 询单人数 */
  | 'INQUIRIES'
  /** 询单→最终付款转化率 = paid buyers / inquiries, a fraction. */
  | 'INQUIRY_CONVERSION'
  /** 询单→下单转化率 = ordered buyers / inquiries, a fraction. */
  | 'ORDER_RATE'
  /** 下单→付款转化率 = paid buyers / ordered buyers, a fraction. */
  | 'PAYMENT_RATE'
  /** 回复率 = (received − unreplied) / received, a fraction. */
  | 'REPLY_RATE'
  /** 客服销售额, yuan. */
  | 'SALES_AMOUNT'
  /** Good ratings / all ratings, a fraction. */
  | 'SATISFACTION';

/** The product to delist. */
export type DeactivateProductInput = {
  /** The product. */
  id: string | number;
};

/** The person to deactivate. */
export type DeactivateStaffInput = {
  /** The person. */
  id: string | number;
};

/** The month to finalize. */
export type FinalizeMonthInput = {
  /** An ended month of the team. */
  month: string;
  /** Finalize before the figures settle (`settlesOn`); default false. */
  override?: boolean;
  /** The team. */
  teamId: string | number;
};

/** The rules of the morning diagnosis (§5). */
export type FindingCode =
  /** A channel's CTR under 80 % of its 7-day CTR. Promotion. */
  | 'AD_CTR_DROP'
  /**
   * A channel with spend whose ROI is under the team's ROI target (2.0 by default). The
   * channel's owner.
   */
  | 'AD_ROI_LOW'
  /** The shop's AOV under 1.3 × the best-selling hero product's. Operations. */
  | 'AOV_STRUCTURE'
  /** A bad review on a hero product. Customer service. */
  | 'BAD_REVIEW'
  /** Bounce rate over 70 %. Designer. */
  | 'BOUNCE_HIGH'
  /** A tracked competitor item at 90 % or less of its previous price. Operations. */
  | 'COMPETITOR_PRICE_CUT'
  /** Conversion under 85 % of the 7-day conversion, or under its target. Operations. */
  | 'CONVERSION_DROP'
  /**
   * An agent with 20 or more inquiries converting 5 points or more under the team. That
   * agent.
   */
  | 'CS_CONVERSION_LAG'
  /** An agent's average first response over 30 seconds. That agent. */
  | 'CS_SLOW_RESPONSE'
  /**
   * Data the rules need is missing for the day (no shop day: the shop rules cannot run).
   * Operations.
   */
  | 'DATA_MISSING'
  /** A DSR score under 4.8, or 0.01 or more under the day before. Operations. */
  | 'DSR_LOW'
  /** Refund rate over 1.5 × its 30-day mean. Customer service. */
  | 'REFUND_SPIKE'
  /**
   * Paid amount under the daily target (HIGH at 20 % or more short, MEDIUM at 10 %, else
   * LOW), with the traffic / conversion / AOV split against the 7-day mean. Operations.
   */
  | 'SALES_BELOW_TARGET'
  /** A hero product's stock under 7 days of its 7-day mean units. Operations. */
  | 'STOCK_LOW'
  /** Visitors under 80 % of the 7-day mean. Promotion. */
  | 'TRAFFIC_DROP'
  /** Page views per visitor under 2.5. Designer. */
  | 'VISIT_DEPTH_LOW';

/** What a finding's observed value was held against. */
export type FindingComparison =
  /** The day's target (§4). */
  | 'DAILY_TARGET'
  /** A multiple of the best-selling hero product's value. */
  | 'HERO_PRODUCT'
  /** The mean of the 7 days before. */
  | 'MEAN_7_DAYS'
  /** The mean of the 30 days before. */
  | 'MEAN_30_DAYS'
  /** The day before. */
  | 'PREVIOUS_DAY'
  /** The item's previous snapshot. */
  | 'PREVIOUS_SNAPSHOT'
  /** The team's pooled value that day. */
  | 'TEAM'
  /** A fixed threshold of the team's settings. */
  | 'THRESHOLD';

/** A finding to turn into a task, optionally with the manager's choice of assignee. */
export type FindingPick = {
  /**
   * Who gets the task; omit for the person the finding names (an agent, a channel's owner),
   * else the least-loaded active person of the finding's role.
   */
  assigneeId?: string | number | null | undefined;
  /** A finding of the diagnosis. */
  findingId: string | number;
};

/** The monthly grade (§7): S ≥ 100, A ≥ 90, B ≥ 80, C ≥ 70, else D. Ordered best first. */
export type Grade =
  /** 90 or more. */
  | 'A'
  /** 80 or more. */
  | 'B'
  /** 70 or more. */
  | 'C'
  /** Under 70. */
  | 'D'
  /** Total score of 100 or more. */
  | 'S';

/** base × the grade's coefficient. */
export type GradeBonusInput = {
  /** Yuan. */
  base: string;
  /** Default S 1.5, A 1.2, B 1.0, C 0.6, D 0. */
  coefficients?: GradeCoefficientsInput | null | undefined;
};

/** Each grade's coefficient; omitted ones keep their default (S 1.5, A 1.2, B 1.0, C 0.6, D 0). */
export type GradeCoefficientsInput = {
  /** Grade A; default 1.2. */
  a?: string | null | undefined;
  /** Grade B; default 1.0. */
  b?: string | null | undefined;
  /** Grade C; default 0.6. */
  c?: string | null | undefined;
  /** Grade D; default 0. */
  d?: string | null | undefined;
  /** Grade S; default 1.5. */
  s?: string | null | undefined;
};

/**
 * A cumulative quota of a forced distribution: at most `max` (a fraction) of the graded people
 * may have `grade` or better.
 */
export type GradeQuotaInput = {
  /** The grade the quota counts down to. */
  grade: Grade;
  /** At most this fraction of the graded people (0.3 = 30 %) have this grade or better. */
  max: string;
};

/** How a dashboard buckets days. */
export type Granularity =
  /** One bucket per day. */
  | 'DAY'
  /** Calendar months. */
  | 'MONTH'
  /** ISO weeks, Monday to Sunday. */
  | 'WEEK';

/** An uploaded export and how to read it. */
export type ImportFileInput = {
  /**
   * Values for columns the file lacks, as if every row had them: an ad report names no
   * `owner` (负责人), a 淘宝客 report no `channel`. A column the file has is read from the
   * file (and a warning says the default was not used). At most 20.
   */
  defaults?: Array<ColumnValueInput>;
  /** Check and count everything, write nothing. */
  dryRun?: boolean;
  /** The export, as a multipart file part. */
  file: File;
  /** What the file holds, as `shopops import`'s kind does. */
  kind: ImportKind;
  /** How many data rows, from the top, to return as parsed (0 to 100). */
  previewRows?: number;
  /** A workbook's sheet to read (by its name); the first when left out. Refused for CSV. */
  sheet?: string | null | undefined;
  /** The team the rows are for. */
  teamId: string | number;
};

/** A kind of data an import carries. */
export type ImportKind =
  /** Ad days (直通车, 引力魔方, 淘宝客…), keyed by date, channel and owner. */
  | 'AD_DAYS'
  /** Customer-service agent days (赤兔), keyed by agent and date. */
  | 'AGENT_DAYS'
  /** Competitor snapshots, keyed by competitor, item and date. */
  | 'COMPETITORS'
  /** Design deliverables, keyed by the team's job reference. */
  | 'DELIVERABLES'
  /** Product days, keyed by product and date. */
  | 'PRODUCT_DAYS'
  /** Shop days (生意参谋), keyed by date. */
  | 'SHOP_DAYS';

/** How an import came in. */
export type ImportVia =
  /** A GraphQL mutation: rows sent in a batch, or an uploaded file. */
  | 'API'
  /** The `shopops import` command. */
  | 'CLI';

/**
 * What a KPI scores: the month's metric itself, or the metric as a share of its target
 * (sales completion = sales / target).
 */
export type KpiBasis =
  /** The month's value as a share of its target. */
  | 'COMPLETION'
  /** The month's value of the metric. */
  | 'VALUE';

/** Which way of a KPI's metric is better. */
export type KpiDirection =
  /** Higher is better. */
  | 'HIGHER'
  /** Lower is better (response time, CPC, refund rate). */
  | 'LOWER';

/** One KPI as the API takes it: the method's parameters in the field named after it. */
export type KpiInput = {
  /** What is scored: the month's value (default) or its completion of the target. */
  basis?: KpiBasis;
  /** LINEAR: the value scoring 100. */
  best?: string | null | undefined;
  /** TARGET_RATIO: the highest ratio counted (default 1.2). */
  cap?: string | null | undefined;
  /** Unique in the team, e.g. CS_AOV. */
  code: string;
  /**
   * Whether higher or lower is better; by default the metric's own (response times, CPC,
   * bounce and refund rates are better low).
   */
  direction?: KpiDirection | null | undefined;
  /** How the value is scored; its parameters are in the fields named for it. */
  method: ScoringMethod;
  /**
   * Any metric of the catalogue (§3). A metric of another role's data (an agent's
   * conversion for an operator) is scored on the team's pooled value.
   */
  metric: Metric;
  /**
   * TARGET_RATIO: where the target comes from (FIXED takes `value`), and the cap (default
   * 1.2).
   */
  target?: TargetSource | null | undefined;
  /** TIERS: (threshold, score) pairs. */
  tiers?: Array<TierInput> | null | undefined;
  /** TARGET_RATIO with a FIXED target: the target, in the metric's unit. */
  value?: string | null | undefined;
  /** Its weight in the total: Σ(weight × score) / Σweight over the KPIs scored. */
  weight: string;
  /** LINEAR: the actual scoring 0 and the one scoring 100. */
  worst?: string | null | undefined;
};

/** An e-mail address and its password. */
export type LoginInput = {
  /** The address the account was created with. */
  email: string;
  /** The account's password. */
  password: string;
};

/**
 * A metric of DOMAIN §3 that targets and KPIs are set on; each is defined in the metric
 * catalogue (query `metricCatalogue`). Rates are fractions (0.035 = 3.5 %), money is yuan, times
 * are seconds.
 */
export type Metric =
  /** Ad spend (花费), yuan. */
  | 'AD_SPEND'
  /** 答问比: agent messages per buyer message. */
  | 'ANSWER_RATIO'
  /** 客单价 (shop), yuan per paying buyer. */
  | 'AOV'
  /** Ad-attributed sales, yuan. */
  | 'ATTRIBUTED_AMOUNT'
  /** Average first response time, seconds. */
  | 'AVG_FIRST_RESPONSE'
  /** Average response time, seconds. */
  | 'AVG_RESPONSE'
  /** Revisions per delivered design piece. */
  | 'AVG_REVISIONS'
  /** 跳失率 (shop) */
  | 'BOUNCE_RATE'
  /** 支付转化率 (shop) */
  | 'CONVERSION_RATE'
  /** Ad cost per click, yuan. */
  | 'CPC'
  /** 客服客单价 */
  | 'CS_AOV'
  /** Ad click-through rate. */
  | 'CTR'
  /** Ad conversion: attributed orders per click. */
  | 'CVR'
  /** Design pieces delivered. */
  | 'DELIVERED'
  /** 收藏加购率 (shop) */
  | 'FAV_CART_RATE'
  /** Paid amount less refunds, cost of goods and shipping, yuan. */
  | 'GROSS_PROFIT'
  /** 询单人数 */
  | 'INQUIRIES'
  /** 询单→最终付款转化率 */
  | 'INQUIRY_CONVERSION'
  /** 净利润: gross profit less all ad spend, yuan. */
  | 'NET_PROFIT'
  /** Design work delivered on or before its due date / delivered. */
  | 'ON_TIME_RATE'
  /** 询单→下单转化率 */
  | 'ORDER_RATE'
  /** Conversion of the products a designer owns. */
  | 'OWNED_CONVERSION'
  /** 支付金额 (shop) */
  | 'PAID_AMOUNT'
  /** 支付买家数 (shop) */
  | 'PAID_BUYERS'
  /** 下单→付款转化率 */
  | 'PAYMENT_RATE'
  /** 退款率 (shop) */
  | 'REFUND_RATE'
  /** 回复率 */
  | 'REPLY_RATE'
  /** Ad ROI 投入产出比 */
  | 'ROI'
  /** 客服销售额 */
  | 'SALES_AMOUNT'
  /** Good ratings / all ratings. */
  | 'SATISFACTION'
  /** UV价值 (shop), yuan per visitor. */
  | 'UV_VALUE'
  /** 访客数 (shop) */
  | 'VISITORS'
  /** 人均浏览量 (shop), page views per visitor. */
  | 'VISIT_DEPTH';

/** What a metric's value measures. */
export type MetricUnit =
  /** A count. */
  | 'COUNT'
  /** Yuan (an amount, or an amount per buyer, click or visitor). */
  | 'MONEY'
  /** A fraction (0.035 = 3.5 %). */
  | 'RATE'
  /** A plain multiple (page views per visitor, ROI, answers per message, revisions per piece). */
  | 'RATIO'
  /** Seconds. */
  | 'SECONDS';

/** Whether a team's month is still a draft or finalized (locked). */
export type MonthStatus =
  /** Locked: reviews and payouts are final, imports into the month are refused. */
  | 'FINALIZED'
  /** Reviews and the bonus run may still change; data may still be imported. */
  | 'OPEN';

/** A task and the state to move it to. */
export type MoveTaskInput = {
  /** The task. */
  id: string | number;
  /** Why; required for BLOCKED and CANCELLED, at most 4000 characters. */
  reason?: string | null | undefined;
  /** The new state. */
  to: TaskStatus;
  /** The task's `version` as last read; CONFLICT if it has changed since. */
  version: number;
};

/** For each product the designer owns: max(units sold − threshold, 0) × amount. */
export type PerUnitOverThresholdInput = {
  /** Yuan per unit; default 1.00. */
  amount?: string | null | undefined;
  /** Default 500. */
  threshold?: number | null | undefined;
};

/** The product to list again. */
export type ReactivateProductInput = {
  /** The product. */
  id: string | number;
};

/** The person to reactivate. */
export type ReactivateStaffInput = {
  /** The person. */
  id: string | number;
};

/**
 * What a TEAM_RELATIVE rule compares: the review score or a higher-is-better metric of §3.
 * Rates (and other ratios) are compared with the role's pooled value, amounts, counts and
 * scores with the mean per person.
 */
export type RelativeMetric =
  /** Ad-attributed sales (mean per person). */
  | 'ATTRIBUTED_AMOUNT'
  /** The shop's conversion. */
  | 'CONVERSION_RATE'
  /** 客服客单价 (pooled). */
  | 'CS_AOV'
  /** Ad CTR of the channels a person owns (pooled). */
  | 'CTR'
  /** Design pieces delivered (mean per person). */
  | 'DELIVERED'
  /** 询单→最终付款转化率 (pooled). */
  | 'INQUIRY_CONVERSION'
  /** The shop's net profit. */
  | 'NET_PROFIT'
  /** Design pieces on time / delivered (pooled). */
  | 'ON_TIME_RATE'
  /** Conversion of the products a designer owns (pooled). */
  | 'OWNED_CONVERSION'
  /** The shop's paid amount. */
  | 'PAID_AMOUNT'
  /** 回复率 (pooled). */
  | 'REPLY_RATE'
  /** Ad ROI of the channels a person owns (pooled). */
  | 'ROI'
  /** 客服销售额 (mean per person). */
  | 'SALES_AMOUNT'
  /** The review's total score (mean per person among those scored). */
  | 'SCORE';

/** The adjustment to withdraw. */
export type RemoveBonusAdjustmentInput = {
  /** The adjustment, of an open month. */
  id: string | number;
  /** Why, at most 500 characters (kept in the audit trail). */
  reason: string;
};

/** The alias to remove. */
export type RemoveStaffAliasInput = {
  /** The alias. */
  id: string | number;
};

/** The month to reopen. */
export type ReopenMonthInput = {
  /** A finalized month of the team. */
  month: string;
  /** Why, at most 500 characters (kept in the audit trail). */
  reason: string;
  /** The team. */
  teamId: string | number;
};

/** The role to put back on its default plan. */
export type ResetBonusPlanInput = {
  /** The role. */
  role: StaffRole;
  /** The team. */
  teamId: string | number;
};

/** The person and their new password. */
export type ResetStaffPasswordInput = {
  /** The person, someone you manage. */
  id: string | number;
  /** 8 to 128 characters. */
  newPassword: string;
};

/** The team and day to diagnose. */
export type RunDiagnosisInput = {
  /** The team's local day; by default yesterday in the team's time zone. */
  date?: string | null | undefined;
  /** The team. */
  teamId: string | number;
};

/** base × score / 100. */
export type ScoreBonusInput = {
  /** Yuan, paid in full at score 100. */
  base: string;
};

/** How a KPI's value becomes a score of 0 to 100 (§7). */
export type ScoringMethod =
  /** 100 × (value − worst) / (best − worst), clamped to 0..100; works both ways. */
  | 'LINEAR'
  /** min(value / target, cap) × 100 (cap 1.2 by default); lower-is-better: target / value. */
  | 'TARGET_RATIO'
  /** The score of the highest tier the value meets (e.g. ≥ 100 % → 100, ≥ 90 % → 85), else 0. */
  | 'TIERS';

/** A role's new bonus plan. */
export type SetBonusPlanInput = {
  /** The role the plan pays. */
  role: StaffRole;
  /** The whole plan, replacing the current one. */
  rules: Array<BonusRuleInput>;
  /** The team. */
  teamId: string | number;
};

/** Thresholds of a team to change. */
export type SetDiagnosisThresholdsInput = {
  /** The team. */
  teamId: string | number;
  /** Each changes one threshold; those not named keep their value. */
  thresholds: Array<ThresholdInput>;
};

/** A team's forced distribution. */
export type SetForcedDistributionInput = {
  /** Cumulative quotas from the top grade; empty removes the forced distribution. */
  quotas: Array<GradeQuotaInput>;
  /** The team. */
  teamId: string | number;
};

/** A role's new scorecard. */
export type SetRoleKpisInput = {
  /** The whole scorecard, replacing the current one. */
  kpis: Array<KpiInput>;
  /** The role the scorecard grades. */
  role: StaffRole;
  /** The team. */
  teamId: string | number;
};

/** Targets of a team. */
export type SetTargetsInput = {
  /** Each sets (or replaces) the target of its metric and period. */
  targets: Array<TargetInput>;
  /** The team. */
  teamId: string | number;
};

/** How urgent a finding is; a task made from it takes it as its priority. */
export type Severity =
  /** Act today (e.g. sales 20 % or more under target). */
  | 'HIGH'
  /** Worth a look. */
  | 'LOW'
  /** Act soon. */
  | 'MEDIUM';

/** The shop metrics a day summary compares. */
export type ShopMetric =
  /** Ad-attributed amount / ad spend. */
  | 'AD_ROI'
  /** All ad spend of the day, yuan. */
  | 'AD_SPEND'
  /** 客单价 = paid amount / paid buyers, yuan. */
  | 'AOV'
  /** 跳失率 = bounced visitors / visitors, a fraction. */
  | 'BOUNCE_RATE'
  /** 支付转化率 = paid buyers / visitors, a fraction. */
  | 'CONVERSION_RATE'
  /** 收藏加购率 = fav-cart buyers / visitors, a fraction. */
  | 'FAV_CART_RATE'
  /** 净利润: gross profit less all ad spend, yuan. */
  | 'NET_PROFIT'
  /** 支付金额, yuan. */
  | 'PAID_AMOUNT'
  /** 支付买家数 */
  | 'PAID_BUYERS'
  /** 退款率 = refund amount / paid amount, a fraction. */
  | 'REFUND_RATE'
  /** UV价值 = paid amount / visitors, yuan. */
  | 'UV_VALUE'
  /** 访客数 */
  | 'VISITORS'
  /** 人均浏览量 = page views / visitors. */
  | 'VISIT_DEPTH';

/** A sort direction. */
export type SortOrder =
  /** Smallest first. */
  | 'ASC'
  /** Largest first. */
  | 'DESC';

/** The job a person does in the shop (§1). */
export type StaffRole =
  /** 客服 */
  | 'CUSTOMER_SERVICE'
  /** 美工 */
  | 'DESIGNER'
  /** 运营 */
  | 'OPERATIONS'
  /** 推广 */
  | 'PROMOTION';

/** A target of the team or of one person, for a month or one day of it. */
export type TargetInput = {
  /** A team target for this one day of `month` instead of the whole month. */
  date?: string | null | undefined;
  /** The metric of the catalogue the target is for. */
  metric: Metric;
  /** The team's month the target is for. */
  month: string;
  /** The person the target is for; omit for a team target. */
  staffId?: string | number | null | undefined;
  /** Yuan for money, a fraction for rates (0.035 = 3.5 %), seconds for times. */
  value: string;
};

/** What span a target is set for. */
export type TargetPeriod =
  /** Each day of the month. */
  | 'DAY'
  /** The whole month. */
  | 'MONTH';

/** Where a TARGET_RATIO KPI's target comes from. */
export type TargetSource =
  /** A fixed value (`value`). */
  | 'FIXED'
  /** The person's monthly target for the metric, else the team's (§4). */
  | 'TARGET'
  /**
   * The team's value: the shop's conversion for owned-product conversion, else the mean of
   * the people of the same role.
   */
  | 'TEAM_AVERAGE';

/** What happened to the task. */
export type TaskEventKind =
  /** The task was given to someone, or to someone else. */
  | 'ASSIGNED'
  /** A task was made, by hand or from a finding. */
  | 'CREATED'
  /** Someone added a follow-up note. */
  | 'FOLLOW_UP_ADDED'
  /** The task moved to another status. */
  | 'STATUS_CHANGED';

/** Which tasks to list; conditions given are all met. */
export type TaskFilter = {
  /** Assigned to this person. */
  assigneeId?: string | number | null | undefined;
  /** Made from a finding of this diagnosis. */
  diagnosisId?: string | number | null | undefined;
  /** Due strictly before this time. */
  dueBefore?: string | null | undefined;
  /** Past due and still open (true), or not (false). */
  overdue?: boolean | null | undefined;
  /** Of this role. */
  role?: StaffRole | null | undefined;
  /** Any of these statuses. */
  status?: Array<TaskStatus> | null | undefined;
  /** Admins may omit it (every team); everyone else gets their own team. */
  teamId?: string | number | null | undefined;
};

/** Where a task is in the afternoon's work (§6). */
export type TaskStatus =
  /** Waiting on something (the reason is asked for). */
  | 'BLOCKED'
  /** Dropped (the reason is asked for). */
  | 'CANCELLED'
  /** Done by its assignee, awaiting the manager's check the next morning. */
  | 'DONE'
  /** Being worked on. */
  | 'IN_PROGRESS'
  /** Not started. */
  | 'TODO'
  /** Checked by the manager: it worked. */
  | 'VERIFIED';

/** pool × own metric / the role's average (pooled for rates, mean per person otherwise). */
export type TeamRelativeInput = {
  /** The metric compared with the role's average. */
  metric: RelativeMetric;
  /** Yuan, the amount at the role's average. */
  pool: string;
};

/** A threshold of the diagnosis and its new value. */
export type ThresholdInput = {
  /** The threshold to change. */
  key: ThresholdKey;
  /** The new value, or null to go back to the default. */
  value?: string | null | undefined;
};

/** A tunable number of a rule. Rates and ratios are fractions (0.70 = 70 %). */
export type ThresholdKey =
  /** AD_CTR_DROP: a channel's CTR under this share of its 7-day CTR (0.80). */
  | 'AD_CTR_DROP_RATIO'
  /** AD_ROI_LOW: the ROI a channel must reach when the team has no ROI target (2.0). */
  | 'AD_ROI_MIN'
  /** AOV_STRUCTURE: shop AOV under this multiple of the best-selling hero product's (1.3). */
  | 'AOV_HERO_MULTIPLE'
  /** BOUNCE_HIGH: bounce rate above this (0.70). */
  | 'BOUNCE_RATE_MAX'
  /** COMPETITOR_PRICE_CUT: a price at or under this share of the previous snapshot (0.90). */
  | 'COMPETITOR_PRICE_RATIO'
  /** CONVERSION_DROP: conversion under this share of the 7-day mean (0.85). */
  | 'CONVERSION_DROP_RATIO'
  /** CS_CONVERSION_LAG: this far under the team's conversion, as a fraction (0.05 = 5 points). */
  | 'CS_CONVERSION_GAP'
  /** CS_SLOW_RESPONSE: average first response above this many seconds (30). */
  | 'CS_FIRST_RESPONSE_MAX'
  /** CS_CONVERSION_LAG: agents with at least this many inquiries are judged (20). */
  | 'CS_MIN_INQUIRIES'
  /** DSR_LOW: any DSR score down this much or more from the day before (0.01). */
  | 'DSR_DROP'
  /** DSR_LOW: any DSR score under this (4.8). */
  | 'DSR_MIN'
  /** REFUND_SPIKE: refund rate above this multiple of its 30-day mean (1.5). */
  | 'REFUND_SPIKE_MULTIPLE'
  /** SALES_BELOW_TARGET is HIGH at this shortfall or more (0.20). */
  | 'SALES_HIGH_SHORTFALL'
  /** ... and MEDIUM at this one or more (0.10); LOW below. */
  | 'SALES_MEDIUM_SHORTFALL'
  /** STOCK_LOW: a hero product's stock under this many days of its 7-day mean sales (7). */
  | 'STOCK_COVER_DAYS'
  /** TRAFFIC_DROP: visitors under this share of the 7-day mean (0.80). */
  | 'TRAFFIC_DROP_RATIO'
  /** VISIT_DEPTH_LOW: page views per visitor under this (2.5). */
  | 'VISIT_DEPTH_MIN';

/** One tier of a TIERS method: reaching `threshold` scores `score`. */
export type TierInput = {
  /** The score of a value that reaches it; the highest tier reached counts, none scores 0. */
  score: string;
  /** The value to reach, in the metric's unit (for a lower-is-better metric: at most it). */
  threshold: string;
};

/**
 * The product to change and its changes: fields left out are unchanged; `designerId: null`
 * removes the designer.
 */
export type UpdateProductInput = {
  /** A new designer (an active DESIGNER of the team), or null for none. */
  designerId?: string | number | null | undefined;
  /** The product. */
  id: string | number;
  /** Whether it is a hero item (主推款). */
  isHero?: boolean | null | undefined;
  /** A new platform item id (商品ID), unique within the team; at most 64 characters. */
  platformItemId?: string | null | undefined;
  /** A new title, at most 200 characters. */
  title?: string | null | undefined;
  /** A new cost per unit in yuan, at most two decimals. */
  unitCost?: string | null | undefined;
};

/**
 * The person to change and their changes: fields left null are unchanged. People may change
 * their own name; the rest is the manager's.
 */
export type UpdateStaffInput = {
  /** New access. Only an admin may grant ADMIN. */
  access?: AccessLevel | null | undefined;
  /** A new e-mail address to sign in with; one account per address. */
  email?: string | null | undefined;
  /** The person. */
  id: string | number;
  /** A new name, at most 100 characters. */
  name?: string | null | undefined;
  /** A new role. */
  role?: StaffRole | null | undefined;
};

/** The task to edit and its changes: fields left null are unchanged. */
export type UpdateTaskInput = {
  /** A new detail. */
  detail?: string | null | undefined;
  /** A new due time. */
  dueAt?: string | null | undefined;
  /** The task. */
  id: string | number;
  /** A new priority. */
  priority?: Severity | null | undefined;
  /** A new title, at most 200 characters. */
  title?: string | null | undefined;
  /** The task's `version` as last read; CONFLICT if it has changed since. */
  version: number;
};

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, name: string, access: AccessLevel, role: StaffRole | null, team: { id: string, name: string, timeZone: string } | null }, teams: { nodes: Array<{ id: string, name: string, timeZone: string, active: boolean }> } };

export type TaskEventsSubscriptionVariables = Exact<{
  teamId: string | number;
}>;


export type TaskEventsSubscription = { taskEvents: { kind: TaskEventKind, taskId: string, status: TaskStatus, at: string } };

export type BoardQueryVariables = Exact<{
  teamId: string | number;
  today: string;
  yesterday: string;
  canManage: boolean;
}>;


export type BoardQuery = { dailyBoard: { day: string, overdueCount: number, completionRate: number | null, diagnosis: { id: string, date: string, ranAt: string, findings: Array<{ id: string, code: FindingCode, severity: Severity, metric: string, observed: string | null, expected: string | null, comparison: FindingComparison, ownerRole: StaffRole, message: string, suggestedAction: string, current: boolean, ownerStaff: { id: string, name: string } | null }>, skipped: Array<{ code: FindingCode, reason: string }> } | null, findingCounts: Array<{ severity: Severity, count: number }>, tasksByRole: Array<{ role: StaffRole, total: number, byStatus: Array<{ status: TaskStatus, count: number }>, tasks: Array<{ id: string, title: string, status: TaskStatus, priority: Severity, overdue: boolean, dueAt: string, assignee: { id: string, name: string } | null, finding: { id: string } | null }> }>, awaitingVerification: Array<{ id: string, title: string, role: StaffRole, status: TaskStatus, completedAt: string | null, assignee: { id: string, name: string } | null, verification: { metric: string, raisedOn: string, raisedValue: string | null, measuredOn: string, measuredValue: string | null, stillFiring: boolean | null } | null }> }, daySummary: { date: string, day: { paidAmount: string, visitors: number | null, days: number }, comparisons: Array<{ basis: ComparisonBasis, changes: Array<{ metric: ShopMetric, value: number | null, base: number | null, changePct: number | null }>, gmvSplit: { gmvChange: string, trafficShare: number, conversionShare: number, aovShare: number } | null }> }, metricCatalogue: Array<{ metric: Metric, name: string, unit: MetricUnit, places: number, direction: KpiDirection }>, staff?: { nodes: Array<{ id: string, name: string, role: StaffRole | null }> } };

export type CsMetricsFieldsFragment = { received: number, inquiries: number, salesAmount: string, inquiryConversion: number | null, orderRate: number | null, paymentRate: number | null, csAov: string | null, avgFirstResponse: number | null, avgResponse: number | null, answerRatio: number | null, replyRate: number | null, satisfaction: number | null };

export type CsRankingQueryVariables = Exact<{
  teamId: string | number;
  from: string;
  to: string;
  sortBy: CsMetric;
  order?: SortOrder | null | undefined;
}>;


export type CsRankingQuery = { csRanking: { team: { received: number, inquiries: number, salesAmount: string, inquiryConversion: number | null, orderRate: number | null, paymentRate: number | null, csAov: string | null, avgFirstResponse: number | null, avgResponse: number | null, answerRatio: number | null, replyRate: number | null, satisfaction: number | null }, agents: { totalCount: number, nodes: Array<{ rank: number, staffId: string, staff: { id: string, name: string } | null, metrics: { received: number, inquiries: number, salesAmount: string, inquiryConversion: number | null, orderRate: number | null, paymentRate: number | null, csAov: string | null, avgFirstResponse: number | null, avgResponse: number | null, answerRatio: number | null, replyRate: number | null, satisfaction: number | null }, gap: { inquiryConversionPts: number | null, orderRatePts: number | null, paymentRatePts: number | null, replyRatePts: number | null, satisfactionPts: number | null, csAov: string | null, avgFirstResponse: number | null, avgResponse: number | null, answerRatio: number | null } }> } }, metricCatalogue: Array<{ metric: Metric, direction: KpiDirection }> };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { token: string, expiresAt: string, staff: { id: string, name: string, access: AccessLevel } } };

export type TrendsQueryVariables = Exact<{
  teamId: string | number;
  from: string;
  to: string;
  granularity: Granularity;
}>;


export type TrendsQuery = { shopMetrics: Array<{ periodStart: string, periodEnd: string, days: number, visitors: number | null, paidBuyers: number, paidAmount: string, conversionRate: number | null, aov: string | null, bounceRate: number | null, visitDepth: number | null, favCartRate: number | null, refundRate: number | null, uvValue: string | null, adSpend: string, adRoi: number | null, netProfit: string | null }>, metricCatalogue: Array<{ metric: Metric, name: string, unit: MetricUnit, places: number, direction: KpiDirection, isSum: boolean }> };

export type TrendTargetsQueryVariables = Exact<{
  teamId: string | number;
  month: string;
}>;


export type TrendTargetsQuery = { targets: Array<{ metric: Metric, staffId: string | null, period: TargetPeriod, startsOn: string, value: string }> };

export type MakeTasksMutationVariables = Exact<{
  input: CreateTasksFromDiagnosisInput;
}>;


export type MakeTasksMutation = { createTasksFromDiagnosis: { tasks: Array<{ id: string, title: string, role: StaffRole, priority: Severity, dueAt: string, assignee: { id: string, name: string } | null, finding: { id: string } | null }> } };

export type RunDiagnosisMutationVariables = Exact<{
  input: RunDiagnosisInput;
}>;


export type RunDiagnosisMutation = { runDiagnosis: { diagnosis: { id: string, date: string, findings: Array<{ id: string }> } } };

export type BonusQueryVariables = Exact<{
  teamId: string | number;
  month: string;
  canManage: boolean;
}>;


export type BonusQuery = { monthClose?: { status: MonthStatus, version: number, settlesOn: string, finalizedAt: string | null, finalizedBy: { id: string, name: string } | null }, bonusRun: { status: BonusRunStatus, computedAt: string, total: string, computedBy: { id: string, name: string } | null, payouts: { totalCount: number, nodes: Array<{ role: StaffRole, score: string | null, grade: Grade | null, gross: string, total: string, staff: { id: string, name: string } | null, lines: Array<{ rule: string, kind: BonusKind, formula: string, amount: string, inputs: Array<{ name: string, value: string }> }> }> } } | null, bonusAdjustments?: { nodes: Array<{ id: string, amount: string, reason: string, createdAt: string, staff: { id: string, name: string } | null, createdBy: { id: string, name: string } | null }> }, staff?: { nodes: Array<{ id: string, name: string }> } };

export type ComputeBonusRunMutationVariables = Exact<{
  input: ComputeBonusRunInput;
}>;


export type ComputeBonusRunMutation = { computeBonusRun: { run: { status: BonusRunStatus, total: string } } };

export type FinalizeMonthMutationVariables = Exact<{
  input: FinalizeMonthInput;
}>;


export type FinalizeMonthMutation = { finalizeMonth: { monthClose: { status: MonthStatus, version: number, finalizedAt: string | null } } };

export type ReopenMonthMutationVariables = Exact<{
  input: ReopenMonthInput;
}>;


export type ReopenMonthMutation = { reopenMonth: { monthClose: { status: MonthStatus, version: number } } };

export type AddBonusAdjustmentMutationVariables = Exact<{
  input: AddBonusAdjustmentInput;
}>;


export type AddBonusAdjustmentMutation = { addBonusAdjustment: { adjustment: { id: string, amount: string, reason: string } } };

export type RemoveBonusAdjustmentMutationVariables = Exact<{
  input: RemoveBonusAdjustmentInput;
}>;


export type RemoveBonusAdjustmentMutation = { removeBonusAdjustment: { adjustment: { id: string } } };

export type PayrollCsvQueryVariables = Exact<{
  teamId: string | number;
  month: string;
}>;


export type PayrollCsvQuery = { payrollCsv: string };

export type ImportFileMutationVariables = Exact<{
  input: ImportFileInput;
}>;


export type ImportFileMutation = { importFile: { dryRun: boolean, inserted: number, updated: number, rows: number, warnings: Array<string>, warningCount: number, layout: { format: string, encoding: string | null, delimiter: string | null, sheet: string | null, headerLine: number, ignoredColumns: Array<string> }, preview: Array<{ line: number, fields: Array<{ name: string, value: string }> }>, import: { id: string } | null, previousImport: { id: string, at: string, fileName: string | null, importedBy: { id: string, name: string } | null } | null } };

export type ImportsQueryVariables = Exact<{
  teamId: string | number;
}>;


export type ImportsQuery = { imports: { totalCount: number, nodes: Array<{ id: string, kind: ImportKind, via: ImportVia, at: string, fileName: string | null, format: string | null, rows: number, inserted: number, updated: number, warningCount: number, importedBy: { id: string, name: string } | null }> } };

export type AdReportQueryVariables = Exact<{
  teamId: string | number;
  from: string;
  to: string;
}>;


export type AdReportQuery = { adReport: { total: { impressions: number | null, clicks: number, spend: string, attributedOrders: number, attributedAmount: string, ctr: number | null, cpc: string | null, cvr: number | null, roi: number | null }, byChannel: Array<{ channel: AdChannel, metrics: { impressions: number | null, clicks: number, spend: string, attributedOrders: number, attributedAmount: string, ctr: number | null, cpc: string | null, cvr: number | null, roi: number | null } }>, byOwner: Array<{ ownerId: string, owner: { id: string, name: string } | null, metrics: { impressions: number | null, clicks: number, spend: string, attributedOrders: number, attributedAmount: string, ctr: number | null, cpc: string | null, cvr: number | null, roi: number | null } }> } };

export type DesignReportQueryVariables = Exact<{
  teamId: string | number;
  from: string;
  to: string;
}>;


export type DesignReportQuery = { designReport: Array<{ designerId: string, delivered: number, onTime: number, onTimeRate: number | null, revisions: number, avgRevisions: number | null, open: number, overdue: number, designer: { id: string, name: string } | null }> };

export type ProductReportQueryVariables = Exact<{
  teamId: string | number;
  from: string;
  to: string;
  after?: string | null | undefined;
}>;


export type ProductReportQuery = { productReport: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ visitors: number, paidBuyers: number, paidUnits: number, paidAmount: string, favCartBuyers: number, conversionRate: number | null, badReviews: number, stock: number | null, recentDailyUnits: number | null, stockCoverDays: number | null, product: { id: string, title: string, platformItemId: string, isHero: boolean, active: boolean, designer: { id: string, name: string } | null } }> } };

export type ReviewsQueryVariables = Exact<{
  teamId: string | number;
  month: string;
  previous: string;
}>;


export type ReviewsQuery = { reviews: Array<{ id: string, role: StaffRole, month: string, total: string | null, computedGrade: Grade | null, grade: Grade | null, demoted: boolean, adjustmentReason: string | null, comment: string | null, computedAt: string, staff: { id: string, name: string } | null, lines: Array<{ code: string, metric: Metric, numerator: string | null, denominator: string | null, value: string | null, actual: string | null, target: string | null, score: string | null, weight: string }> }>, previous: Array<{ id: string, total: string | null, staff: { id: string } | null }>, kpiLibrary: Array<{ code: string, method: ScoringMethod }> };

export type ReviewAuditQueryVariables = Exact<{
  reviewId: string | number;
}>;


export type ReviewAuditQuery = { reviewAuditTrail: { nodes: Array<{ at: string, field: string, before: string | null, after: string | null, actor: { id: string, name: string } | null }> } };

export type AdjustGradeMutationVariables = Exact<{
  input: AdjustGradeInput;
}>;


export type AdjustGradeMutation = { adjustGrade: { review: { id: string, grade: Grade | null, computedGrade: Grade | null, demoted: boolean, adjustmentReason: string | null } } };

export type CommentReviewMutationVariables = Exact<{
  input: CommentReviewInput;
}>;


export type CommentReviewMutation = { commentReview: { review: { id: string, comment: string | null } } };

export type ProductRowFragment = { id: string, platformItemId: string, title: string, isHero: boolean, unitCost: string, active: boolean, designer: { id: string, name: string } | null };

export type TeamProductsQueryVariables = Exact<{
  teamId: string | number;
  isHero?: boolean | null | undefined;
  active?: boolean | null | undefined;
  after?: string | null | undefined;
  withDesigners: boolean;
}>;


export type TeamProductsQuery = { products: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, platformItemId: string, title: string, isHero: boolean, unitCost: string, active: boolean, designer: { id: string, name: string } | null }> }, designers?: { nodes: Array<{ id: string, name: string }> } };

export type CreateProductMutationVariables = Exact<{
  input: CreateProductInput;
}>;


export type CreateProductMutation = { createProduct: { product: { id: string, platformItemId: string, title: string, isHero: boolean, unitCost: string, active: boolean, designer: { id: string, name: string } | null } } };

export type UpdateProductMutationVariables = Exact<{
  input: UpdateProductInput;
}>;


export type UpdateProductMutation = { updateProduct: { product: { id: string, platformItemId: string, title: string, isHero: boolean, unitCost: string, active: boolean, designer: { id: string, name: string } | null } } };

export type DeactivateProductMutationVariables = Exact<{
  input: DeactivateProductInput;
}>;


export type DeactivateProductMutation = { deactivateProduct: { product: { id: string, active: boolean } } };

export type ReactivateProductMutationVariables = Exact<{
  input: ReactivateProductInput;
}>;


export type ReactivateProductMutation = { reactivateProduct: { product: { id: string, active: boolean } } };

export type StaffRowFragment = { id: string, name: string, email: string | null, role: StaffRole | null, access: AccessLevel, active: boolean, aliases: Array<{ id: string, alias: string }> | null };

export type TeamStaffQueryVariables = Exact<{
  teamId: string | number;
  after?: string | null | undefined;
}>;


export type TeamStaffQuery = { staff: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, email: string | null, role: StaffRole | null, access: AccessLevel, active: boolean, aliases: Array<{ id: string, alias: string }> | null }> } };

export type CreateStaffMutationVariables = Exact<{
  input: CreateStaffInput;
}>;


export type CreateStaffMutation = { createStaff: { staff: { id: string, name: string, email: string | null, role: StaffRole | null, access: AccessLevel, active: boolean, aliases: Array<{ id: string, alias: string }> | null } } };

export type UpdateStaffMutationVariables = Exact<{
  input: UpdateStaffInput;
}>;


export type UpdateStaffMutation = { updateStaff: { staff: { id: string, name: string, email: string | null, role: StaffRole | null, access: AccessLevel, active: boolean, aliases: Array<{ id: string, alias: string }> | null } } };

export type DeactivateStaffMutationVariables = Exact<{
  input: DeactivateStaffInput;
}>;


export type DeactivateStaffMutation = { deactivateStaff: { staff: { id: string, active: boolean } } };

export type ReactivateStaffMutationVariables = Exact<{
  input: ReactivateStaffInput;
}>;


export type ReactivateStaffMutation = { reactivateStaff: { staff: { id: string, active: boolean } } };

export type ResetStaffPasswordMutationVariables = Exact<{
  input: ResetStaffPasswordInput;
}>;


export type ResetStaffPasswordMutation = { resetStaffPassword: { staff: { id: string } } };

export type AddStaffAliasMutationVariables = Exact<{
  input: AddStaffAliasInput;
}>;


export type AddStaffAliasMutation = { addStaffAlias: { alias: { id: string, alias: string, staffId: string } } };

export type RemoveStaffAliasMutationVariables = Exact<{
  input: RemoveStaffAliasInput;
}>;


export type RemoveStaffAliasMutation = { removeStaffAlias: { removedAliasId: string } };

export type SettingsTargetsQueryVariables = Exact<{
  teamId: string | number;
  month: string;
}>;


export type SettingsTargetsQuery = { targets: Array<{ metric: Metric, staffId: string | null, period: TargetPeriod, startsOn: string, value: string }>, metricCatalogue: Array<{ metric: Metric, name: string, label: string, unit: MetricUnit }>, kpiLibrary: Array<{ code: string, role: StaffRole, metric: Metric, basis: KpiBasis, method: ScoringMethod, target: TargetSource | null }>, staff: { nodes: Array<{ id: string, name: string, role: StaffRole | null }> } };

export type SetTargetsMutationVariables = Exact<{
  input: SetTargetsInput;
}>;


export type SetTargetsMutation = { setTargets: { targets: Array<{ metric: Metric, staffId: string | null, period: TargetPeriod, startsOn: string, value: string }> } };

export type ThresholdFieldsFragment = { key: ThresholdKey, value: string, defaultValue: string, isDefault: boolean };

export type SettingsThresholdsQueryVariables = Exact<{
  teamId: string | number;
}>;


export type SettingsThresholdsQuery = { diagnosisThresholds: Array<{ key: ThresholdKey, value: string, defaultValue: string, isDefault: boolean }> };

export type SetDiagnosisThresholdsMutationVariables = Exact<{
  input: SetDiagnosisThresholdsInput;
}>;


export type SetDiagnosisThresholdsMutation = { setDiagnosisThresholds: { thresholds: Array<{ key: ThresholdKey, value: string, defaultValue: string, isDefault: boolean }> } };

export type KpiFieldsFragment = { code: string, role: StaffRole, metric: Metric, basis: KpiBasis, direction: KpiDirection, method: ScoringMethod, weight: string, worst: string | null, best: string | null, target: TargetSource | null, value: string | null, cap: string | null, tiers: Array<{ threshold: string, score: string }> | null };

export type SettingsKpisQueryVariables = Exact<{
  teamId: string | number;
  role: StaffRole;
}>;


export type SettingsKpisQuery = { kpiLibrary: Array<{ code: string, role: StaffRole, metric: Metric, basis: KpiBasis, direction: KpiDirection, method: ScoringMethod, weight: string, worst: string | null, best: string | null, target: TargetSource | null, value: string | null, cap: string | null, tiers: Array<{ threshold: string, score: string }> | null }>, forcedDistribution: Array<{ grade: Grade, max: string }>, metricCatalogue: Array<{ metric: Metric, name: string, label: string, unit: MetricUnit, direction: KpiDirection }> };

export type SetRoleKpisMutationVariables = Exact<{
  input: SetRoleKpisInput;
}>;


export type SetRoleKpisMutation = { setRoleKpis: { kpis: Array<{ code: string, role: StaffRole, metric: Metric, basis: KpiBasis, direction: KpiDirection, method: ScoringMethod, weight: string, worst: string | null, best: string | null, target: TargetSource | null, value: string | null, cap: string | null, tiers: Array<{ threshold: string, score: string }> | null }> } };

export type SetForcedDistributionMutationVariables = Exact<{
  input: SetForcedDistributionInput;
}>;


export type SetForcedDistributionMutation = { setForcedDistribution: { quotas: Array<{ grade: Grade, max: string }> } };

export type BonusPlanFieldsFragment = { role: StaffRole, isDefault: boolean, updatedAt: string | null, rules: Array<{ code: string, kind: BonusKind, params:
      | { __typename: 'Commission', rate: string, commissionMetric: CommissionMetric, tiers: Array<{ completion: string, rate: string }> }
      | { __typename: 'GradeBonus', base: string, coefficients: { s: string, a: string, b: string, c: string, d: string } }
      | { __typename: 'PerUnitOverThreshold', amount: string, threshold: number }
      | { __typename: 'ScoreBonus', base: string }
      | { __typename: 'TeamRelative', pool: string, relativeMetric: RelativeMetric }
     }> };

export type SettingsBonusPlansQueryVariables = Exact<{
  teamId: string | number;
}>;


export type SettingsBonusPlansQuery = { bonusPlans: Array<{ role: StaffRole, isDefault: boolean, updatedAt: string | null, rules: Array<{ code: string, kind: BonusKind, params:
        | { __typename: 'Commission', rate: string, commissionMetric: CommissionMetric, tiers: Array<{ completion: string, rate: string }> }
        | { __typename: 'GradeBonus', base: string, coefficients: { s: string, a: string, b: string, c: string, d: string } }
        | { __typename: 'PerUnitOverThreshold', amount: string, threshold: number }
        | { __typename: 'ScoreBonus', base: string }
        | { __typename: 'TeamRelative', pool: string, relativeMetric: RelativeMetric }
       }> }>, metricCatalogue: Array<{ metric: Metric, name: string, label: string }> };

export type SetBonusPlanMutationVariables = Exact<{
  input: SetBonusPlanInput;
}>;


export type SetBonusPlanMutation = { setBonusPlan: { plan: { role: StaffRole, isDefault: boolean, updatedAt: string | null, rules: Array<{ code: string, kind: BonusKind, params:
          | { __typename: 'Commission', rate: string, commissionMetric: CommissionMetric, tiers: Array<{ completion: string, rate: string }> }
          | { __typename: 'GradeBonus', base: string, coefficients: { s: string, a: string, b: string, c: string, d: string } }
          | { __typename: 'PerUnitOverThreshold', amount: string, threshold: number }
          | { __typename: 'ScoreBonus', base: string }
          | { __typename: 'TeamRelative', pool: string, relativeMetric: RelativeMetric }
         }> } } };

export type ResetBonusPlanMutationVariables = Exact<{
  input: ResetBonusPlanInput;
}>;


export type ResetBonusPlanMutation = { resetBonusPlan: { plan: { role: StaffRole, isDefault: boolean, updatedAt: string | null, rules: Array<{ code: string, kind: BonusKind, params:
          | { __typename: 'Commission', rate: string, commissionMetric: CommissionMetric, tiers: Array<{ completion: string, rate: string }> }
          | { __typename: 'GradeBonus', base: string, coefficients: { s: string, a: string, b: string, c: string, d: string } }
          | { __typename: 'PerUnitOverThreshold', amount: string, threshold: number }
          | { __typename: 'ScoreBonus', base: string }
          | { __typename: 'TeamRelative', pool: string, relativeMetric: RelativeMetric }
         }> } } };

export type TaskCardFieldsFragment = { id: string, version: number, title: string, role: StaffRole, priority: Severity, status: TaskStatus, reason: string | null, dueAt: string, overdue: boolean, completedAt: string | null, allowedMoves: Array<TaskStatus>, assignee: { id: string, name: string } | null, finding: { id: string, code: FindingCode } | null };

export type TaskColumnFieldsFragment = { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, version: number, title: string, role: StaffRole, priority: Severity, status: TaskStatus, reason: string | null, dueAt: string, overdue: boolean, completedAt: string | null, allowedMoves: Array<TaskStatus>, assignee: { id: string, name: string } | null, finding: { id: string, code: FindingCode } | null }> };

export type TaskBoardQueryVariables = Exact<{
  teamId: string | number;
  role?: StaffRole | null | undefined;
  assigneeId?: string | number | null | undefined;
  overdue?: boolean | null | undefined;
  canManage: boolean;
}>;


export type TaskBoardQuery = { TODO: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, version: number, title: string, role: StaffRole, priority: Severity, status: TaskStatus, reason: string | null, dueAt: string, overdue: boolean, completedAt: string | null, allowedMoves: Array<TaskStatus>, assignee: { id: string, name: string } | null, finding: { id: string, code: FindingCode } | null }> }, IN_PROGRESS: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, version: number, title: string, role: StaffRole, priority: Severity, status: TaskStatus, reason: string | null, dueAt: string, overdue: boolean, completedAt: string | null, allowedMoves: Array<TaskStatus>, assignee: { id: string, name: string } | null, finding: { id: string, code: FindingCode } | null }> }, BLOCKED: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, version: number, title: string, role: StaffRole, priority: Severity, status: TaskStatus, reason: string | null, dueAt: string, overdue: boolean, completedAt: string | null, allowedMoves: Array<TaskStatus>, assignee: { id: string, name: string } | null, finding: { id: string, code: FindingCode } | null }> }, DONE: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, version: number, title: string, role: StaffRole, priority: Severity, status: TaskStatus, reason: string | null, dueAt: string, overdue: boolean, completedAt: string | null, allowedMoves: Array<TaskStatus>, assignee: { id: string, name: string } | null, finding: { id: string, code: FindingCode } | null }> }, VERIFIED: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, version: number, title: string, role: StaffRole, priority: Severity, status: TaskStatus, reason: string | null, dueAt: string, overdue: boolean, completedAt: string | null, allowedMoves: Array<TaskStatus>, assignee: { id: string, name: string } | null, finding: { id: string, code: FindingCode } | null }> }, CANCELLED: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, version: number, title: string, role: StaffRole, priority: Severity, status: TaskStatus, reason: string | null, dueAt: string, overdue: boolean, completedAt: string | null, allowedMoves: Array<TaskStatus>, assignee: { id: string, name: string } | null, finding: { id: string, code: FindingCode } | null }> }, staff?: { nodes: Array<{ id: string, name: string, role: StaffRole | null }> } };

export type TaskColumnMoreQueryVariables = Exact<{
  filter: TaskFilter;
  after: string;
}>;


export type TaskColumnMoreQuery = { tasks: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, version: number, title: string, role: StaffRole, priority: Severity, status: TaskStatus, reason: string | null, dueAt: string, overdue: boolean, completedAt: string | null, allowedMoves: Array<TaskStatus>, assignee: { id: string, name: string } | null, finding: { id: string, code: FindingCode } | null }> } };

export type TaskDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type TaskDetailQuery = { task: { detail: string, createdAt: string, updatedAt: string, id: string, version: number, title: string, role: StaffRole, priority: Severity, status: TaskStatus, reason: string | null, dueAt: string, overdue: boolean, completedAt: string | null, allowedMoves: Array<TaskStatus>, creator: { id: string, name: string } | null, finding: { id: string, code: FindingCode, message: string, suggestedAction: string } | null, followUps: Array<{ id: string, body: string, createdAt: string, author: { id: string, name: string } | null }>, auditTrail: Array<{ at: string, field: string, before: string | null, after: string | null, actor: { id: string, name: string } | null }>, verification: { metric: string, raisedOn: string, raisedValue: string | null, measuredOn: string, measuredValue: string | null, stillFiring: boolean | null } | null, assignee: { id: string, name: string } | null }, metricCatalogue: Array<{ metric: Metric, name: string, unit: MetricUnit, places: number, direction: KpiDirection }> };

export type MoveTaskMutationVariables = Exact<{
  input: MoveTaskInput;
}>;


export type MoveTaskMutation = { moveTask: { task: { id: string, version: number, title: string, role: StaffRole, priority: Severity, status: TaskStatus, reason: string | null, dueAt: string, overdue: boolean, completedAt: string | null, allowedMoves: Array<TaskStatus>, assignee: { id: string, name: string } | null, finding: { id: string, code: FindingCode } | null } } };

export type AssignTaskMutationVariables = Exact<{
  input: AssignTaskInput;
}>;


export type AssignTaskMutation = { assignTask: { task: { id: string, version: number, title: string, role: StaffRole, priority: Severity, status: TaskStatus, reason: string | null, dueAt: string, overdue: boolean, completedAt: string | null, allowedMoves: Array<TaskStatus>, assignee: { id: string, name: string } | null, finding: { id: string, code: FindingCode } | null } } };

export type UpdateTaskMutationVariables = Exact<{
  input: UpdateTaskInput;
}>;


export type UpdateTaskMutation = { updateTask: { task: { detail: string, id: string, version: number, title: string, role: StaffRole, priority: Severity, status: TaskStatus, reason: string | null, dueAt: string, overdue: boolean, completedAt: string | null, allowedMoves: Array<TaskStatus>, assignee: { id: string, name: string } | null, finding: { id: string, code: FindingCode } | null } } };

export type CreateTaskMutationVariables = Exact<{
  input: CreateTaskInput;
}>;


export type CreateTaskMutation = { createTask: { task: { id: string, version: number, title: string, role: StaffRole, priority: Severity, status: TaskStatus, reason: string | null, dueAt: string, overdue: boolean, completedAt: string | null, allowedMoves: Array<TaskStatus>, assignee: { id: string, name: string } | null, finding: { id: string, code: FindingCode } | null } } };

export type AddFollowUpMutationVariables = Exact<{
  input: AddFollowUpInput;
}>;


export type AddFollowUpMutation = { addFollowUp: { followUp: { id: string, body: string, createdAt: string, author: { id: string, name: string } | null } } };

export type TaskBoardEventsSubscriptionVariables = Exact<{
  teamId: string | number;
}>;


export type TaskBoardEventsSubscription = { taskEvents: { kind: TaskEventKind, taskId: string, status: TaskStatus, at: string } };

export const CsMetricsFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CsMetricsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CsMetrics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"received"}},{"kind":"Field","name":{"kind":"Name","value":"inquiries"}},{"kind":"Field","name":{"kind":"Name","value":"salesAmount"}},{"kind":"Field","name":{"kind":"Name","value":"inquiryConversion"}},{"kind":"Field","name":{"kind":"Name","value":"orderRate"}},{"kind":"Field","name":{"kind":"Name","value":"paymentRate"}},{"kind":"Field","name":{"kind":"Name","value":"csAov"}},{"kind":"Field","name":{"kind":"Name","value":"avgFirstResponse"}},{"kind":"Field","name":{"kind":"Name","value":"avgResponse"}},{"kind":"Field","name":{"kind":"Name","value":"answerRatio"}},{"kind":"Field","name":{"kind":"Name","value":"replyRate"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}}]}}]} as unknown as DocumentNode<CsMetricsFieldsFragment, unknown>;
export const ProductRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProductRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"platformItemId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"isHero"}},{"kind":"Field","name":{"kind":"Name","value":"designer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unitCost"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]} as unknown as DocumentNode<ProductRowFragment, unknown>;
export const StaffRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StaffRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Staff"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"alias"}}]}}]}}]} as unknown as DocumentNode<StaffRowFragment, unknown>;
export const ThresholdFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThresholdFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Threshold"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"defaultValue"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}}]}}]} as unknown as DocumentNode<ThresholdFieldsFragment, unknown>;
export const KpiFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KpiFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KpiDefinition"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"tiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"worst"}},{"kind":"Field","name":{"kind":"Name","value":"best"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"cap"}}]}}]} as unknown as DocumentNode<KpiFieldsFragment, unknown>;
export const BonusPlanFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BonusPlanFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BonusPlan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"params"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GradeBonus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"base"}},{"kind":"Field","name":{"kind":"Name","value":"coefficients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"s"}},{"kind":"Field","name":{"kind":"Name","value":"a"}},{"kind":"Field","name":{"kind":"Name","value":"b"}},{"kind":"Field","name":{"kind":"Name","value":"c"}},{"kind":"Field","name":{"kind":"Name","value":"d"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScoreBonus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"base"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Commission"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"commissionMetric"},"name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"tiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completion"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PerUnitOverThreshold"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TeamRelative"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pool"}},{"kind":"Field","alias":{"kind":"Name","value":"relativeMetric"},"name":{"kind":"Name","value":"metric"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BonusPlanFieldsFragment, unknown>;
export const TaskCardFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskCardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"allowedMoves"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"finding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]} as unknown as DocumentNode<TaskCardFieldsFragment, unknown>;
export const TaskColumnFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskColumnFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TaskConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskCardFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskCardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"allowedMoves"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"finding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]} as unknown as DocumentNode<TaskColumnFieldsFragment, unknown>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"teams"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const TaskEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TaskEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"taskId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<TaskEventsSubscription, TaskEventsSubscriptionVariables>;
export const BoardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Board"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"today"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"yesterday"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dailyBoard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"day"},"value":{"kind":"Variable","name":{"kind":"Name","value":"today"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"diagnosis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"ranAt"}},{"kind":"Field","name":{"kind":"Name","value":"findings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"observed"}},{"kind":"Field","name":{"kind":"Name","value":"expected"}},{"kind":"Field","name":{"kind":"Name","value":"comparison"}},{"kind":"Field","name":{"kind":"Name","value":"ownerRole"}},{"kind":"Field","name":{"kind":"Name","value":"ownerStaff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"suggestedAction"}},{"kind":"Field","name":{"kind":"Name","value":"current"}}]}},{"kind":"Field","name":{"kind":"Name","value":"skipped"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"findingCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tasksByRole"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"byStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"finding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"overdueCount"}},{"kind":"Field","name":{"kind":"Name","value":"completionRate"}},{"kind":"Field","name":{"kind":"Name","value":"awaitingVerification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"verification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"raisedOn"}},{"kind":"Field","name":{"kind":"Name","value":"raisedValue"}},{"kind":"Field","name":{"kind":"Name","value":"measuredOn"}},{"kind":"Field","name":{"kind":"Name","value":"measuredValue"}},{"kind":"Field","name":{"kind":"Name","value":"stillFiring"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"daySummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"date"},"value":{"kind":"Variable","name":{"kind":"Name","value":"yesterday"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"day"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"paidAmount"}},{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"days"}}]}},{"kind":"Field","name":{"kind":"Name","value":"comparisons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"base"}},{"kind":"Field","name":{"kind":"Name","value":"changePct"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gmvSplit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gmvChange"}},{"kind":"Field","name":{"kind":"Name","value":"trafficShare"}},{"kind":"Field","name":{"kind":"Name","value":"conversionShare"}},{"kind":"Field","name":{"kind":"Name","value":"aovShare"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"metricCatalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"places"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}}]}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"active"},"value":{"kind":"BooleanValue","value":true}}]}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]} as unknown as DocumentNode<BoardQuery, BoardQueryVariables>;
export const CsRankingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CsRanking"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sortBy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CsMetric"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"order"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SortOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"csRanking"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"sortBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sortBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"order"},"value":{"kind":"Variable","name":{"kind":"Name","value":"order"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CsMetricsFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"agents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CsMetricsFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gap"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inquiryConversionPts"}},{"kind":"Field","name":{"kind":"Name","value":"orderRatePts"}},{"kind":"Field","name":{"kind":"Name","value":"paymentRatePts"}},{"kind":"Field","name":{"kind":"Name","value":"replyRatePts"}},{"kind":"Field","name":{"kind":"Name","value":"satisfactionPts"}},{"kind":"Field","name":{"kind":"Name","value":"csAov"}},{"kind":"Field","name":{"kind":"Name","value":"avgFirstResponse"}},{"kind":"Field","name":{"kind":"Name","value":"avgResponse"}},{"kind":"Field","name":{"kind":"Name","value":"answerRatio"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"metricCatalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CsMetricsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CsMetrics"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"received"}},{"kind":"Field","name":{"kind":"Name","value":"inquiries"}},{"kind":"Field","name":{"kind":"Name","value":"salesAmount"}},{"kind":"Field","name":{"kind":"Name","value":"inquiryConversion"}},{"kind":"Field","name":{"kind":"Name","value":"orderRate"}},{"kind":"Field","name":{"kind":"Name","value":"paymentRate"}},{"kind":"Field","name":{"kind":"Name","value":"csAov"}},{"kind":"Field","name":{"kind":"Name","value":"avgFirstResponse"}},{"kind":"Field","name":{"kind":"Name","value":"avgResponse"}},{"kind":"Field","name":{"kind":"Name","value":"answerRatio"}},{"kind":"Field","name":{"kind":"Name","value":"replyRate"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}}]}}]} as unknown as DocumentNode<CsRankingQuery, CsRankingQueryVariables>;
export const LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"access"}}]}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const TrendsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Trends"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"granularity"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Granularity"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shopMetrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"granularity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"granularity"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"paidBuyers"}},{"kind":"Field","name":{"kind":"Name","value":"paidAmount"}},{"kind":"Field","name":{"kind":"Name","value":"conversionRate"}},{"kind":"Field","name":{"kind":"Name","value":"aov"}},{"kind":"Field","name":{"kind":"Name","value":"bounceRate"}},{"kind":"Field","name":{"kind":"Name","value":"visitDepth"}},{"kind":"Field","name":{"kind":"Name","value":"favCartRate"}},{"kind":"Field","name":{"kind":"Name","value":"refundRate"}},{"kind":"Field","name":{"kind":"Name","value":"uvValue"}},{"kind":"Field","name":{"kind":"Name","value":"adSpend"}},{"kind":"Field","name":{"kind":"Name","value":"adRoi"}},{"kind":"Field","name":{"kind":"Name","value":"netProfit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metricCatalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"places"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"isSum"}}]}}]}}]} as unknown as DocumentNode<TrendsQuery, TrendsQueryVariables>;
export const TrendTargetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TrendTargets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Month"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"targets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<TrendTargetsQuery, TrendTargetsQueryVariables>;
export const MakeTasksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MakeTasks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTasksFromDiagnosisInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTasksFromDiagnosis"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"finding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MakeTasksMutation, MakeTasksMutationVariables>;
export const RunDiagnosisDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RunDiagnosis"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RunDiagnosisInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runDiagnosis"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"diagnosis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"findings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RunDiagnosisMutation, RunDiagnosisMutationVariables>;
export const BonusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Bonus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Month"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monthClose"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"settlesOn"}},{"kind":"Field","name":{"kind":"Name","value":"finalizedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finalizedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"bonusRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"computedAt"}},{"kind":"Field","name":{"kind":"Name","value":"computedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"payouts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"gross"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"formula"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"inputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"bonusAdjustments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"active"},"value":{"kind":"BooleanValue","value":true}}]}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<BonusQuery, BonusQueryVariables>;
export const ComputeBonusRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ComputeBonusRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ComputeBonusRunInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"computeBonusRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"run"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]}}]} as unknown as DocumentNode<ComputeBonusRunMutation, ComputeBonusRunMutationVariables>;
export const FinalizeMonthDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FinalizeMonth"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FinalizeMonthInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"finalizeMonth"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monthClose"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"finalizedAt"}}]}}]}}]}}]} as unknown as DocumentNode<FinalizeMonthMutation, FinalizeMonthMutationVariables>;
export const ReopenMonthDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReopenMonth"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReopenMonthInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reopenMonth"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monthClose"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<ReopenMonthMutation, ReopenMonthMutationVariables>;
export const AddBonusAdjustmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddBonusAdjustment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddBonusAdjustmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addBonusAdjustment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adjustment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<AddBonusAdjustmentMutation, AddBonusAdjustmentMutationVariables>;
export const RemoveBonusAdjustmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveBonusAdjustment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveBonusAdjustmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeBonusAdjustment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adjustment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<RemoveBonusAdjustmentMutation, RemoveBonusAdjustmentMutationVariables>;
export const PayrollCsvDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PayrollCsv"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Month"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payrollCsv"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}}]}]}}]} as unknown as DocumentNode<PayrollCsvQuery, PayrollCsvQueryVariables>;
export const ImportFileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportFile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportFileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"importFile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"inserted"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}},{"kind":"Field","name":{"kind":"Name","value":"layout"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"encoding"}},{"kind":"Field","name":{"kind":"Name","value":"delimiter"}},{"kind":"Field","name":{"kind":"Name","value":"sheet"}},{"kind":"Field","name":{"kind":"Name","value":"headerLine"}},{"kind":"Field","name":{"kind":"Name","value":"ignoredColumns"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"}},{"kind":"Field","name":{"kind":"Name","value":"warningCount"}},{"kind":"Field","name":{"kind":"Name","value":"preview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"import"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"previousImport"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"importedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ImportFileMutation, ImportFileMutationVariables>;
export const ImportsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Imports"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"via"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}},{"kind":"Field","name":{"kind":"Name","value":"inserted"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"warningCount"}},{"kind":"Field","name":{"kind":"Name","value":"importedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ImportsQuery, ImportsQueryVariables>;
export const AdReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"impressions"}},{"kind":"Field","name":{"kind":"Name","value":"clicks"}},{"kind":"Field","name":{"kind":"Name","value":"spend"}},{"kind":"Field","name":{"kind":"Name","value":"attributedOrders"}},{"kind":"Field","name":{"kind":"Name","value":"attributedAmount"}},{"kind":"Field","name":{"kind":"Name","value":"ctr"}},{"kind":"Field","name":{"kind":"Name","value":"cpc"}},{"kind":"Field","name":{"kind":"Name","value":"cvr"}},{"kind":"Field","name":{"kind":"Name","value":"roi"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byChannel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"impressions"}},{"kind":"Field","name":{"kind":"Name","value":"clicks"}},{"kind":"Field","name":{"kind":"Name","value":"spend"}},{"kind":"Field","name":{"kind":"Name","value":"attributedOrders"}},{"kind":"Field","name":{"kind":"Name","value":"attributedAmount"}},{"kind":"Field","name":{"kind":"Name","value":"ctr"}},{"kind":"Field","name":{"kind":"Name","value":"cpc"}},{"kind":"Field","name":{"kind":"Name","value":"cvr"}},{"kind":"Field","name":{"kind":"Name","value":"roi"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"byOwner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ownerId"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"impressions"}},{"kind":"Field","name":{"kind":"Name","value":"clicks"}},{"kind":"Field","name":{"kind":"Name","value":"spend"}},{"kind":"Field","name":{"kind":"Name","value":"attributedOrders"}},{"kind":"Field","name":{"kind":"Name","value":"attributedAmount"}},{"kind":"Field","name":{"kind":"Name","value":"ctr"}},{"kind":"Field","name":{"kind":"Name","value":"cpc"}},{"kind":"Field","name":{"kind":"Name","value":"cvr"}},{"kind":"Field","name":{"kind":"Name","value":"roi"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AdReportQuery, AdReportQueryVariables>;
export const DesignReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DesignReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"designReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"designerId"}},{"kind":"Field","name":{"kind":"Name","value":"designer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"delivered"}},{"kind":"Field","name":{"kind":"Name","value":"onTime"}},{"kind":"Field","name":{"kind":"Name","value":"onTimeRate"}},{"kind":"Field","name":{"kind":"Name","value":"revisions"}},{"kind":"Field","name":{"kind":"Name","value":"avgRevisions"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}}]}}]}}]} as unknown as DocumentNode<DesignReportQuery, DesignReportQueryVariables>;
export const ProductReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"productReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"platformItemId"}},{"kind":"Field","name":{"kind":"Name","value":"isHero"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"designer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"visitors"}},{"kind":"Field","name":{"kind":"Name","value":"paidBuyers"}},{"kind":"Field","name":{"kind":"Name","value":"paidUnits"}},{"kind":"Field","name":{"kind":"Name","value":"paidAmount"}},{"kind":"Field","name":{"kind":"Name","value":"favCartBuyers"}},{"kind":"Field","name":{"kind":"Name","value":"conversionRate"}},{"kind":"Field","name":{"kind":"Name","value":"badReviews"}},{"kind":"Field","name":{"kind":"Name","value":"stock"}},{"kind":"Field","name":{"kind":"Name","value":"recentDailyUnits"}},{"kind":"Field","name":{"kind":"Name","value":"stockCoverDays"}}]}}]}}]}}]} as unknown as DocumentNode<ProductReportQuery, ProductReportQueryVariables>;
export const ReviewsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Reviews"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Month"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"previous"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Month"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviews"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"computedGrade"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"demoted"}},{"kind":"Field","name":{"kind":"Name","value":"adjustmentReason"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"computedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"numerator"}},{"kind":"Field","name":{"kind":"Name","value":"denominator"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"actual"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"previous"},"name":{"kind":"Name","value":"reviews"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"previous"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"kpiLibrary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"method"}}]}}]}}]} as unknown as DocumentNode<ReviewsQuery, ReviewsQueryVariables>;
export const ReviewAuditDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReviewAudit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reviewId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewAuditTrail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"reviewId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reviewId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ReviewAuditQuery, ReviewAuditQueryVariables>;
export const AdjustGradeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AdjustGrade"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdjustGradeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adjustGrade"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"review"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"computedGrade"}},{"kind":"Field","name":{"kind":"Name","value":"demoted"}},{"kind":"Field","name":{"kind":"Name","value":"adjustmentReason"}}]}}]}}]}}]} as unknown as DocumentNode<AdjustGradeMutation, AdjustGradeMutationVariables>;
export const CommentReviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CommentReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CommentReviewInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commentReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"review"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}}]}}]}}]}}]} as unknown as DocumentNode<CommentReviewMutation, CommentReviewMutationVariables>;
export const TeamProductsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamProducts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"isHero"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"active"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withDesigners"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"isHero"},"value":{"kind":"Variable","name":{"kind":"Name","value":"isHero"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"active"},"value":{"kind":"Variable","name":{"kind":"Name","value":"active"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProductRow"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"designers"},"name":{"kind":"Name","value":"staff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"role"},"value":{"kind":"EnumValue","value":"DESIGNER"}},{"kind":"ObjectField","name":{"kind":"Name","value":"active"},"value":{"kind":"BooleanValue","value":true}}]}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withDesigners"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProductRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"platformItemId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"isHero"}},{"kind":"Field","name":{"kind":"Name","value":"designer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unitCost"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]} as unknown as DocumentNode<TeamProductsQuery, TeamProductsQueryVariables>;
export const CreateProductDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProductInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProduct"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProductRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProductRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"platformItemId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"isHero"}},{"kind":"Field","name":{"kind":"Name","value":"designer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unitCost"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]} as unknown as DocumentNode<CreateProductMutation, CreateProductMutationVariables>;
export const UpdateProductDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateProductInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateProduct"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProductRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProductRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"platformItemId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"isHero"}},{"kind":"Field","name":{"kind":"Name","value":"designer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unitCost"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]} as unknown as DocumentNode<UpdateProductMutation, UpdateProductMutationVariables>;
export const DeactivateProductDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeactivateProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeactivateProductInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deactivateProduct"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]}}]} as unknown as DocumentNode<DeactivateProductMutation, DeactivateProductMutationVariables>;
export const ReactivateProductDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReactivateProduct"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReactivateProductInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reactivateProduct"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]}}]} as unknown as DocumentNode<ReactivateProductMutation, ReactivateProductMutationVariables>;
export const TeamStaffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamStaff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StaffRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StaffRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Staff"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"alias"}}]}}]}}]} as unknown as DocumentNode<TeamStaffQuery, TeamStaffQueryVariables>;
export const CreateStaffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateStaff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateStaffInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createStaff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StaffRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StaffRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Staff"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"alias"}}]}}]}}]} as unknown as DocumentNode<CreateStaffMutation, CreateStaffMutationVariables>;
export const UpdateStaffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateStaff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateStaffInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateStaff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StaffRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StaffRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Staff"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"alias"}}]}}]}}]} as unknown as DocumentNode<UpdateStaffMutation, UpdateStaffMutationVariables>;
export const DeactivateStaffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeactivateStaff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeactivateStaffInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deactivateStaff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]}}]} as unknown as DocumentNode<DeactivateStaffMutation, DeactivateStaffMutationVariables>;
export const ReactivateStaffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReactivateStaff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReactivateStaffInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reactivateStaff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]}}]} as unknown as DocumentNode<ReactivateStaffMutation, ReactivateStaffMutationVariables>;
export const ResetStaffPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetStaffPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResetStaffPasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetStaffPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ResetStaffPasswordMutation, ResetStaffPasswordMutationVariables>;
export const AddStaffAliasDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddStaffAlias"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddStaffAliasInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addStaffAlias"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"alias"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"alias"}},{"kind":"Field","name":{"kind":"Name","value":"staffId"}}]}}]}}]}}]} as unknown as DocumentNode<AddStaffAliasMutation, AddStaffAliasMutationVariables>;
export const RemoveStaffAliasDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveStaffAlias"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveStaffAliasInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeStaffAlias"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removedAliasId"}}]}}]}}]} as unknown as DocumentNode<RemoveStaffAliasMutation, RemoveStaffAliasMutationVariables>;
export const SettingsTargetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SettingsTargets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Month"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"targets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metricCatalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"kpiLibrary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"target"}}]}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"active"},"value":{"kind":"BooleanValue","value":true}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]} as unknown as DocumentNode<SettingsTargetsQuery, SettingsTargetsQueryVariables>;
export const SetTargetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetTargets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetTargetsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setTargets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"targets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<SetTargetsMutation, SetTargetsMutationVariables>;
export const SettingsThresholdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SettingsThresholds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"diagnosisThresholds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThresholdFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThresholdFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Threshold"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"defaultValue"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}}]}}]} as unknown as DocumentNode<SettingsThresholdsQuery, SettingsThresholdsQueryVariables>;
export const SetDiagnosisThresholdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetDiagnosisThresholds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetDiagnosisThresholdsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setDiagnosisThresholds"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"thresholds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ThresholdFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ThresholdFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Threshold"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"defaultValue"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}}]}}]} as unknown as DocumentNode<SetDiagnosisThresholdsMutation, SetDiagnosisThresholdsMutationVariables>;
export const SettingsKpisDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SettingsKpis"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StaffRole"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kpiLibrary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"forcedDistribution"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metricCatalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KpiFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KpiDefinition"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"tiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"worst"}},{"kind":"Field","name":{"kind":"Name","value":"best"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"cap"}}]}}]} as unknown as DocumentNode<SettingsKpisQuery, SettingsKpisQueryVariables>;
export const SetRoleKpisDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetRoleKpis"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetRoleKpisInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setRoleKpis"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kpis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"KpiFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"KpiFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KpiDefinition"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}},{"kind":"Field","name":{"kind":"Name","value":"tiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"score"}}]}},{"kind":"Field","name":{"kind":"Name","value":"worst"}},{"kind":"Field","name":{"kind":"Name","value":"best"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"cap"}}]}}]} as unknown as DocumentNode<SetRoleKpisMutation, SetRoleKpisMutationVariables>;
export const SetForcedDistributionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetForcedDistribution"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetForcedDistributionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setForcedDistribution"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quotas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]}}]}}]} as unknown as DocumentNode<SetForcedDistributionMutation, SetForcedDistributionMutationVariables>;
export const SettingsBonusPlansDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SettingsBonusPlans"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bonusPlans"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BonusPlanFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metricCatalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BonusPlanFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BonusPlan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"params"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GradeBonus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"base"}},{"kind":"Field","name":{"kind":"Name","value":"coefficients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"s"}},{"kind":"Field","name":{"kind":"Name","value":"a"}},{"kind":"Field","name":{"kind":"Name","value":"b"}},{"kind":"Field","name":{"kind":"Name","value":"c"}},{"kind":"Field","name":{"kind":"Name","value":"d"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScoreBonus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"base"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Commission"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"commissionMetric"},"name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"tiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completion"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PerUnitOverThreshold"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TeamRelative"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pool"}},{"kind":"Field","alias":{"kind":"Name","value":"relativeMetric"},"name":{"kind":"Name","value":"metric"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SettingsBonusPlansQuery, SettingsBonusPlansQueryVariables>;
export const SetBonusPlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetBonusPlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetBonusPlanInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setBonusPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BonusPlanFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BonusPlanFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BonusPlan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"params"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GradeBonus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"base"}},{"kind":"Field","name":{"kind":"Name","value":"coefficients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"s"}},{"kind":"Field","name":{"kind":"Name","value":"a"}},{"kind":"Field","name":{"kind":"Name","value":"b"}},{"kind":"Field","name":{"kind":"Name","value":"c"}},{"kind":"Field","name":{"kind":"Name","value":"d"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScoreBonus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"base"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Commission"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"commissionMetric"},"name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"tiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completion"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PerUnitOverThreshold"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TeamRelative"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pool"}},{"kind":"Field","alias":{"kind":"Name","value":"relativeMetric"},"name":{"kind":"Name","value":"metric"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SetBonusPlanMutation, SetBonusPlanMutationVariables>;
export const ResetBonusPlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetBonusPlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResetBonusPlanInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetBonusPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BonusPlanFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BonusPlanFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BonusPlan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"params"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GradeBonus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"base"}},{"kind":"Field","name":{"kind":"Name","value":"coefficients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"s"}},{"kind":"Field","name":{"kind":"Name","value":"a"}},{"kind":"Field","name":{"kind":"Name","value":"b"}},{"kind":"Field","name":{"kind":"Name","value":"c"}},{"kind":"Field","name":{"kind":"Name","value":"d"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ScoreBonus"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"base"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Commission"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"commissionMetric"},"name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"tiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completion"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PerUnitOverThreshold"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TeamRelative"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pool"}},{"kind":"Field","alias":{"kind":"Name","value":"relativeMetric"},"name":{"kind":"Name","value":"metric"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ResetBonusPlanMutation, ResetBonusPlanMutationVariables>;
export const TaskBoardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaskBoard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"StaffRole"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"assigneeId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"overdue"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"TODO"},"name":{"kind":"Name","value":"tasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"assigneeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assigneeId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"overdue"},"value":{"kind":"Variable","name":{"kind":"Name","value":"overdue"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"TODO"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskColumnFields"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"IN_PROGRESS"},"name":{"kind":"Name","value":"tasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"assigneeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assigneeId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"overdue"},"value":{"kind":"Variable","name":{"kind":"Name","value":"overdue"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"IN_PROGRESS"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskColumnFields"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"BLOCKED"},"name":{"kind":"Name","value":"tasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"assigneeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assigneeId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"overdue"},"value":{"kind":"Variable","name":{"kind":"Name","value":"overdue"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"BLOCKED"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskColumnFields"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"DONE"},"name":{"kind":"Name","value":"tasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"assigneeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assigneeId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"overdue"},"value":{"kind":"Variable","name":{"kind":"Name","value":"overdue"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"DONE"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskColumnFields"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"VERIFIED"},"name":{"kind":"Name","value":"tasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"assigneeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assigneeId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"overdue"},"value":{"kind":"Variable","name":{"kind":"Name","value":"overdue"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"VERIFIED"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskColumnFields"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"CANCELLED"},"name":{"kind":"Name","value":"tasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"assigneeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assigneeId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"overdue"},"value":{"kind":"Variable","name":{"kind":"Name","value":"overdue"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CANCELLED"}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskColumnFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"active"},"value":{"kind":"BooleanValue","value":true}}]}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"canManage"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskCardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"allowedMoves"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"finding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskColumnFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TaskConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskCardFields"}}]}}]}}]} as unknown as DocumentNode<TaskBoardQuery, TaskBoardQueryVariables>;
export const TaskColumnMoreDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaskColumnMore"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TaskFilter"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskColumnFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskCardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"allowedMoves"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"finding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskColumnFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TaskConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskCardFields"}}]}}]}}]} as unknown as DocumentNode<TaskColumnMoreQuery, TaskColumnMoreQueryVariables>;
export const TaskDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TaskDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskCardFields"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"creator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"finding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"suggestedAction"}}]}},{"kind":"Field","name":{"kind":"Name","value":"followUps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"auditTrail"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"verification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"raisedOn"}},{"kind":"Field","name":{"kind":"Name","value":"raisedValue"}},{"kind":"Field","name":{"kind":"Name","value":"measuredOn"}},{"kind":"Field","name":{"kind":"Name","value":"measuredValue"}},{"kind":"Field","name":{"kind":"Name","value":"stillFiring"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"metricCatalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"places"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskCardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"allowedMoves"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"finding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]} as unknown as DocumentNode<TaskDetailQuery, TaskDetailQueryVariables>;
export const MoveTaskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MoveTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MoveTaskInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"moveTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskCardFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskCardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"allowedMoves"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"finding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]} as unknown as DocumentNode<MoveTaskMutation, MoveTaskMutationVariables>;
export const AssignTaskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AssignTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AssignTaskInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskCardFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskCardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"allowedMoves"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"finding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]} as unknown as DocumentNode<AssignTaskMutation, AssignTaskMutationVariables>;
export const UpdateTaskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTaskInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskCardFields"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskCardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"allowedMoves"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"finding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]} as unknown as DocumentNode<UpdateTaskMutation, UpdateTaskMutationVariables>;
export const CreateTaskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTaskInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TaskCardFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TaskCardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Task"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"allowedMoves"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"finding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]} as unknown as DocumentNode<CreateTaskMutation, CreateTaskMutationVariables>;
export const AddFollowUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddFollowUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddFollowUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addFollowUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"followUp"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AddFollowUpMutation, AddFollowUpMutationVariables>;
export const TaskBoardEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TaskBoardEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"teamId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"teamId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"taskId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<TaskBoardEventsSubscription, TaskBoardEventsSubscriptionVariables>;