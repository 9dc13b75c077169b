/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      id\n      name\n      access\n      role\n      team { id name timeZone }\n    }\n    teams(first: 100) {\n      nodes { id name timeZone active }\n    }\n  }\n": typeof types.MeDocument,
    "\n  subscription TaskEvents($teamId: ID!) {\n    taskEvents(teamId: $teamId) { kind taskId status at }\n  }\n": typeof types.TaskEventsDocument,
    "\n  query Board($teamId: ID!, $today: Date!, $yesterday: Date!, $canManage: Boolean!) {\n    dailyBoard(teamId: $teamId, day: $today) {\n      day\n      diagnosis {\n        id\n        date\n        ranAt\n        findings {\n          id\n          code\n          severity\n          metric\n          observed\n          expected\n          comparison\n          ownerRole\n          ownerStaff { id name }\n          message\n          suggestedAction\n          current\n        }\n        skipped { code reason }\n      }\n      findingCounts { severity count }\n      tasksByRole {\n        role\n        total\n        byStatus { status count }\n        tasks {\n          id\n          title\n          status\n          priority\n          overdue\n          dueAt\n          assignee { id name }\n          finding { id }\n        }\n      }\n      overdueCount\n      completionRate\n      awaitingVerification {\n        id\n        title\n        role\n        status\n        completedAt\n        assignee { id name }\n        verification { metric raisedOn raisedValue measuredOn measuredValue stillFiring }\n      }\n    }\n    daySummary(teamId: $teamId, date: $yesterday) {\n      date\n      day { paidAmount visitors days }\n      comparisons {\n        basis\n        changes { metric value base changePct }\n        gmvSplit { gmvChange trafficShare conversionShare aovShare }\n      }\n    }\n    metricCatalogue { metric name unit places direction }\n    staff(first: 100, filter: { teamId: $teamId, active: true }) @include(if: $canManage) {\n      nodes { id name role }\n    }\n  }\n": typeof types.BoardDocument,
    "\n  fragment CsMetricsFields on CsMetrics {\n    received\n    inquiries\n    salesAmount\n    inquiryConversion\n    orderRate\n    paymentRate\n    csAov\n    avgFirstResponse\n    avgResponse\n    answerRatio\n    replyRate\n    satisfaction\n  }\n": typeof types.CsMetricsFieldsFragmentDoc,
    "\n  query CsRanking($teamId: ID!, $from: Date!, $to: Date!, $sortBy: CsMetric!, $order: SortOrder) {\n    csRanking(teamId: $teamId, from: $from, to: $to, sortBy: $sortBy, order: $order) {\n      team { ...CsMetricsFields }\n      agents(first: 100) {\n        totalCount\n        nodes {\n          rank\n          staffId\n          staff { id name }\n          metrics { ...CsMetricsFields }\n          gap {\n            inquiryConversionPts\n            orderRatePts\n            paymentRatePts\n            replyRatePts\n            satisfactionPts\n            csAov\n            avgFirstResponse\n            avgResponse\n            answerRatio\n          }\n        }\n      }\n    }\n    metricCatalogue { metric direction }\n  }\n": typeof types.CsRankingDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      staff { id name access }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query Trends($teamId: ID!, $from: Date!, $to: Date!, $granularity: Granularity!) {\n    shopMetrics(teamId: $teamId, from: $from, to: $to, granularity: $granularity) {\n      periodStart\n      periodEnd\n      days\n      visitors\n      paidBuyers\n      paidAmount\n      conversionRate\n      aov\n      bounceRate\n      visitDepth\n      favCartRate\n      refundRate\n      uvValue\n      adSpend\n      adRoi\n      netProfit\n    }\n    metricCatalogue { metric name unit places direction isSum }\n  }\n": typeof types.TrendsDocument,
    "\n  query TrendTargets($teamId: ID!, $month: Month!) {\n    targets(teamId: $teamId, month: $month) { metric staffId period startsOn value }\n  }\n": typeof types.TrendTargetsDocument,
    "\n  mutation MakeTasks($input: CreateTasksFromDiagnosisInput!) {\n    createTasksFromDiagnosis(input: $input) {\n      tasks { id title role priority dueAt assignee { id name } finding { id } }\n    }\n  }\n": typeof types.MakeTasksDocument,
    "\n  mutation RunDiagnosis($input: RunDiagnosisInput!) {\n    runDiagnosis(input: $input) {\n      diagnosis { id date findings { id } }\n    }\n  }\n": typeof types.RunDiagnosisDocument,
    "\n  query Bonus($teamId: ID!, $month: Month!, $canManage: Boolean!) {\n    monthClose(teamId: $teamId, month: $month) @include(if: $canManage) {\n      status\n      version\n      settlesOn\n      finalizedAt\n      finalizedBy { id name }\n    }\n    bonusRun(teamId: $teamId, month: $month) {\n      status\n      computedAt\n      computedBy { id name }\n      total\n      payouts(first: 100) {\n        totalCount\n        nodes {\n          staff { id name }\n          role\n          score\n          grade\n          gross\n          total\n          lines { rule kind formula amount inputs { name value } }\n        }\n      }\n    }\n    bonusAdjustments(teamId: $teamId, month: $month, first: 100) @include(if: $canManage) {\n      nodes { id amount reason createdAt staff { id name } createdBy { id name } }\n    }\n    staff(first: 100, filter: { teamId: $teamId, active: true }) @include(if: $canManage) {\n      nodes { id name }\n    }\n  }\n": typeof types.BonusDocument,
    "\n  mutation ComputeBonusRun($input: ComputeBonusRunInput!) {\n    computeBonusRun(input: $input) { run { status total } }\n  }\n": typeof types.ComputeBonusRunDocument,
    "\n  mutation FinalizeMonth($input: FinalizeMonthInput!) {\n    finalizeMonth(input: $input) { monthClose { status version finalizedAt } }\n  }\n": typeof types.FinalizeMonthDocument,
    "\n  mutation ReopenMonth($input: ReopenMonthInput!) {\n    reopenMonth(input: $input) { monthClose { status version } }\n  }\n": typeof types.ReopenMonthDocument,
    "\n  mutation AddBonusAdjustment($input: AddBonusAdjustmentInput!) {\n    addBonusAdjustment(input: $input) { adjustment { id amount reason } }\n  }\n": typeof types.AddBonusAdjustmentDocument,
    "\n  mutation RemoveBonusAdjustment($input: RemoveBonusAdjustmentInput!) {\n    removeBonusAdjustment(input: $input) { adjustment { id } }\n  }\n": typeof types.RemoveBonusAdjustmentDocument,
    "\n  query PayrollCsv($teamId: ID!, $month: Month!) {\n    payrollCsv(teamId: $teamId, month: $month)\n  }\n": typeof types.PayrollCsvDocument,
    "\n  mutation ImportFile($input: ImportFileInput!) {\n    importFile(input: $input) {\n      dryRun\n      inserted\n      updated\n      rows\n      layout { format encoding delimiter sheet headerLine ignoredColumns }\n      warnings\n      warningCount\n      preview { line fields { name value } }\n      import { id }\n      previousImport { id at fileName importedBy { id name } }\n    }\n  }\n": typeof types.ImportFileDocument,
    "\n  query Imports($teamId: ID!) {\n    imports(teamId: $teamId, first: 50) {\n      totalCount\n      nodes { id kind via at fileName format rows inserted updated warningCount importedBy { id name } }\n    }\n  }\n": typeof types.ImportsDocument,
    "\n  query AdReport($teamId: ID!, $from: Date!, $to: Date!) {\n    adReport(teamId: $teamId, from: $from, to: $to) {\n      total { impressions clicks spend attributedOrders attributedAmount ctr cpc cvr roi }\n      byChannel {\n        channel\n        metrics { impressions clicks spend attributedOrders attributedAmount ctr cpc cvr roi }\n      }\n      byOwner {\n        ownerId\n        owner { id name }\n        metrics { impressions clicks spend attributedOrders attributedAmount ctr cpc cvr roi }\n      }\n    }\n  }\n": typeof types.AdReportDocument,
    "\n  query DesignReport($teamId: ID!, $from: Date!, $to: Date!) {\n    designReport(teamId: $teamId, from: $from, to: $to) {\n      designerId\n      designer { id name }\n      delivered\n      onTime\n      onTimeRate\n      revisions\n      avgRevisions\n      open\n      overdue\n    }\n  }\n": typeof types.DesignReportDocument,
    "\n  query ProductReport($teamId: ID!, $from: Date!, $to: Date!, $after: String) {\n    productReport(teamId: $teamId, from: $from, to: $to, first: 50, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        product { id title platformItemId isHero active designer { id name } }\n        visitors\n        paidBuyers\n        paidUnits\n        paidAmount\n        favCartBuyers\n        conversionRate\n        badReviews\n        stock\n        recentDailyUnits\n        stockCoverDays\n      }\n    }\n  }\n": typeof types.ProductReportDocument,
    "\n  query Reviews($teamId: ID!, $month: Month!, $previous: Month!) {\n    reviews(teamId: $teamId, month: $month) {\n      id\n      staff { id name }\n      role\n      month\n      total\n      computedGrade\n      grade\n      demoted\n      adjustmentReason\n      comment\n      computedAt\n      lines { code metric numerator denominator value actual target score weight }\n    }\n    previous: reviews(teamId: $teamId, month: $previous) {\n      id\n      staff { id }\n      total\n    }\n    kpiLibrary(teamId: $teamId) { code method }\n  }\n": typeof types.ReviewsDocument,
    "\n  query ReviewAudit($reviewId: ID!) {\n    reviewAuditTrail(reviewId: $reviewId, first: 100) {\n      nodes { at field before after actor { id name } }\n    }\n  }\n": typeof types.ReviewAuditDocument,
    "\n  mutation AdjustGrade($input: AdjustGradeInput!) {\n    adjustGrade(input: $input) { review { id grade computedGrade demoted adjustmentReason } }\n  }\n": typeof types.AdjustGradeDocument,
    "\n  mutation CommentReview($input: CommentReviewInput!) {\n    commentReview(input: $input) { review { id comment } }\n  }\n": typeof types.CommentReviewDocument,
    "\n  fragment ProductRow on Product {\n    id\n    platformItemId\n    title\n    isHero\n    designer { id name }\n    unitCost\n    active\n  }\n": typeof types.ProductRowFragmentDoc,
    "\n  query TeamProducts($teamId: ID!, $isHero: Boolean, $active: Boolean, $after: String, $withDesigners: Boolean!) {\n    products(first: 100, after: $after, filter: { teamId: $teamId, isHero: $isHero, active: $active }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...ProductRow }\n    }\n    designers: staff(first: 100, filter: { teamId: $teamId, role: DESIGNER, active: true }) @include(if: $withDesigners) {\n      nodes { id name }\n    }\n  }\n": typeof types.TeamProductsDocument,
    "\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { product { ...ProductRow } }\n  }\n": typeof types.CreateProductDocument,
    "\n  mutation UpdateProduct($input: UpdateProductInput!) {\n    updateProduct(input: $input) { product { ...ProductRow } }\n  }\n": typeof types.UpdateProductDocument,
    "\n  mutation DeactivateProduct($input: DeactivateProductInput!) {\n    deactivateProduct(input: $input) { product { id active } }\n  }\n": typeof types.DeactivateProductDocument,
    "\n  mutation ReactivateProduct($input: ReactivateProductInput!) {\n    reactivateProduct(input: $input) { product { id active } }\n  }\n": typeof types.ReactivateProductDocument,
    "\n  fragment StaffRow on Staff {\n    id\n    name\n    email\n    role\n    access\n    active\n    aliases { id alias }\n  }\n": typeof types.StaffRowFragmentDoc,
    "\n  query TeamStaff($teamId: ID!, $after: String) {\n    staff(first: 100, after: $after, filter: { teamId: $teamId }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...StaffRow }\n    }\n  }\n": typeof types.TeamStaffDocument,
    "\n  mutation CreateStaff($input: CreateStaffInput!) {\n    createStaff(input: $input) { staff { ...StaffRow } }\n  }\n": typeof types.CreateStaffDocument,
    "\n  mutation UpdateStaff($input: UpdateStaffInput!) {\n    updateStaff(input: $input) { staff { ...StaffRow } }\n  }\n": typeof types.UpdateStaffDocument,
    "\n  mutation DeactivateStaff($input: DeactivateStaffInput!) {\n    deactivateStaff(input: $input) { staff { id active } }\n  }\n": typeof types.DeactivateStaffDocument,
    "\n  mutation ReactivateStaff($input: ReactivateStaffInput!) {\n    reactivateStaff(input: $input) { staff { id active } }\n  }\n": typeof types.ReactivateStaffDocument,
    "\n  mutation ResetStaffPassword($input: ResetStaffPasswordInput!) {\n    resetStaffPassword(input: $input) { staff { id } }\n  }\n": typeof types.ResetStaffPasswordDocument,
    "\n  mutation AddStaffAlias($input: AddStaffAliasInput!) {\n    addStaffAlias(input: $input) { alias { id alias staffId } }\n  }\n": typeof types.AddStaffAliasDocument,
    "\n  mutation RemoveStaffAlias($input: RemoveStaffAliasInput!) {\n    removeStaffAlias(input: $input) { removedAliasId }\n  }\n": typeof types.RemoveStaffAliasDocument,
    "\n  query SettingsTargets($teamId: ID!, $month: Month!) {\n    targets(teamId: $teamId, month: $month) { metric staffId period startsOn value }\n    metricCatalogue { metric name label unit }\n    kpiLibrary(teamId: $teamId) { code role metric basis method target }\n    staff(first: 100, filter: { teamId: $teamId, active: true }) {\n      nodes { id name role }\n    }\n  }\n": typeof types.SettingsTargetsDocument,
    "\n  mutation SetTargets($input: SetTargetsInput!) {\n    setTargets(input: $input) { targets { metric staffId period startsOn value } }\n  }\n": typeof types.SetTargetsDocument,
    "\n  fragment ThresholdFields on Threshold { key value defaultValue isDefault }\n": typeof types.ThresholdFieldsFragmentDoc,
    "\n  query SettingsThresholds($teamId: ID!) {\n    diagnosisThresholds(teamId: $teamId) { ...ThresholdFields }\n  }\n": typeof types.SettingsThresholdsDocument,
    "\n  mutation SetDiagnosisThresholds($input: SetDiagnosisThresholdsInput!) {\n    setDiagnosisThresholds(input: $input) { thresholds { ...ThresholdFields } }\n  }\n": typeof types.SetDiagnosisThresholdsDocument,
    "\n  fragment KpiFields on KpiDefinition {\n    code role metric basis direction method weight\n    tiers { threshold score }\n    worst best target value cap\n  }\n": typeof types.KpiFieldsFragmentDoc,
    "\n  query SettingsKpis($teamId: ID!, $role: StaffRole!) {\n    kpiLibrary(teamId: $teamId, role: $role) { ...KpiFields }\n    forcedDistribution(teamId: $teamId) { grade max }\n    metricCatalogue { metric name label unit direction }\n  }\n": typeof types.SettingsKpisDocument,
    "\n  mutation SetRoleKpis($input: SetRoleKpisInput!) {\n    setRoleKpis(input: $input) { kpis { ...KpiFields } }\n  }\n": typeof types.SetRoleKpisDocument,
    "\n  mutation SetForcedDistribution($input: SetForcedDistributionInput!) {\n    setForcedDistribution(input: $input) { quotas { grade max } }\n  }\n": typeof types.SetForcedDistributionDocument,
    "\n  fragment BonusPlanFields on BonusPlan {\n    role isDefault updatedAt\n    rules {\n      code kind\n      params {\n        __typename\n        ... on GradeBonus { base coefficients { s a b c d } }\n        ... on ScoreBonus { base }\n        ... on Commission { commissionMetric: metric rate tiers { completion rate } }\n        ... on PerUnitOverThreshold { amount threshold }\n        ... on TeamRelative { pool relativeMetric: metric }\n      }\n    }\n  }\n": typeof types.BonusPlanFieldsFragmentDoc,
    "\n  query SettingsBonusPlans($teamId: ID!) {\n    bonusPlans(teamId: $teamId) { ...BonusPlanFields }\n    metricCatalogue { metric name label }\n  }\n": typeof types.SettingsBonusPlansDocument,
    "\n  mutation SetBonusPlan($input: SetBonusPlanInput!) {\n    setBonusPlan(input: $input) { plan { ...BonusPlanFields } }\n  }\n": typeof types.SetBonusPlanDocument,
    "\n  mutation ResetBonusPlan($input: ResetBonusPlanInput!) {\n    resetBonusPlan(input: $input) { plan { ...BonusPlanFields } }\n  }\n": typeof types.ResetBonusPlanDocument,
    "\n  fragment TaskCardFields on Task {\n    id\n    version\n    title\n    role\n    priority\n    status\n    reason\n    dueAt\n    overdue\n    completedAt\n    allowedMoves\n    assignee { id name }\n    finding { id code }\n  }\n": typeof types.TaskCardFieldsFragmentDoc,
    "\n  fragment TaskColumnFields on TaskConnection {\n    totalCount\n    pageInfo { hasNextPage endCursor }\n    nodes { ...TaskCardFields }\n  }\n": typeof types.TaskColumnFieldsFragmentDoc,
    "\n  query TaskBoard($teamId: ID!, $role: StaffRole, $assigneeId: ID, $overdue: Boolean, $canManage: Boolean!) {\n    TODO: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [TODO] }, first: 100) {\n      ...TaskColumnFields\n    }\n    IN_PROGRESS: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [IN_PROGRESS] }, first: 100) {\n      ...TaskColumnFields\n    }\n    BLOCKED: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [BLOCKED] }, first: 100) {\n      ...TaskColumnFields\n    }\n    DONE: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [DONE] }, first: 100) {\n      ...TaskColumnFields\n    }\n    VERIFIED: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [VERIFIED] }, first: 100) {\n      ...TaskColumnFields\n    }\n    CANCELLED: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [CANCELLED] }, first: 100) {\n      ...TaskColumnFields\n    }\n    staff(first: 100, filter: { teamId: $teamId, active: true }) @include(if: $canManage) {\n      nodes { id name role }\n    }\n  }\n": typeof types.TaskBoardDocument,
    "\n  query TaskColumnMore($filter: TaskFilter!, $after: String!) {\n    tasks(filter: $filter, first: 100, after: $after) {\n      ...TaskColumnFields\n    }\n  }\n": typeof types.TaskColumnMoreDocument,
    "\n  query TaskDetail($id: ID!) {\n    task(id: $id) {\n      ...TaskCardFields\n      detail\n      createdAt\n      updatedAt\n      creator { id name }\n      finding { id code message suggestedAction }\n      followUps { id body createdAt author { id name } }\n      auditTrail { at field before after actor { id name } }\n      verification { metric raisedOn raisedValue measuredOn measuredValue stillFiring }\n    }\n    metricCatalogue { metric name unit places direction }\n  }\n": typeof types.TaskDetailDocument,
    "\n  mutation MoveTask($input: MoveTaskInput!) {\n    moveTask(input: $input) { task { ...TaskCardFields } }\n  }\n": typeof types.MoveTaskDocument,
    "\n  mutation AssignTask($input: AssignTaskInput!) {\n    assignTask(input: $input) { task { ...TaskCardFields } }\n  }\n": typeof types.AssignTaskDocument,
    "\n  mutation UpdateTask($input: UpdateTaskInput!) {\n    updateTask(input: $input) { task { ...TaskCardFields detail } }\n  }\n": typeof types.UpdateTaskDocument,
    "\n  mutation CreateTask($input: CreateTaskInput!) {\n    createTask(input: $input) { task { ...TaskCardFields } }\n  }\n": typeof types.CreateTaskDocument,
    "\n  mutation AddFollowUp($input: AddFollowUpInput!) {\n    addFollowUp(input: $input) { followUp { id body createdAt author { id name } } }\n  }\n": typeof types.AddFollowUpDocument,
    "\n  subscription TaskBoardEvents($teamId: ID!) {\n    taskEvents(teamId: $teamId) { kind taskId status at }\n  }\n": typeof types.TaskBoardEventsDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      id\n      name\n      access\n      role\n      team { id name timeZone }\n    }\n    teams(first: 100) {\n      nodes { id name timeZone active }\n    }\n  }\n": types.MeDocument,
    "\n  subscription TaskEvents($teamId: ID!) {\n    taskEvents(teamId: $teamId) { kind taskId status at }\n  }\n": types.TaskEventsDocument,
    "\n  query Board($teamId: ID!, $today: Date!, $yesterday: Date!, $canManage: Boolean!) {\n    dailyBoard(teamId: $teamId, day: $today) {\n      day\n      diagnosis {\n        id\n        date\n        ranAt\n        findings {\n          id\n          code\n          severity\n          metric\n          observed\n          expected\n          comparison\n          ownerRole\n          ownerStaff { id name }\n          message\n          suggestedAction\n          current\n        }\n        skipped { code reason }\n      }\n      findingCounts { severity count }\n      tasksByRole {\n        role\n        total\n        byStatus { status count }\n        tasks {\n          id\n          title\n          status\n          priority\n          overdue\n          dueAt\n          assignee { id name }\n          finding { id }\n        }\n      }\n      overdueCount\n      completionRate\n      awaitingVerification {\n        id\n        title\n        role\n        status\n        completedAt\n        assignee { id name }\n        verification { metric raisedOn raisedValue measuredOn measuredValue stillFiring }\n      }\n    }\n    daySummary(teamId: $teamId, date: $yesterday) {\n      date\n      day { paidAmount visitors days }\n      comparisons {\n        basis\n        changes { metric value base changePct }\n        gmvSplit { gmvChange trafficShare conversionShare aovShare }\n      }\n    }\n    metricCatalogue { metric name unit places direction }\n    staff(first: 100, filter: { teamId: $teamId, active: true }) @include(if: $canManage) {\n      nodes { id name role }\n    }\n  }\n": types.BoardDocument,
    "\n  fragment CsMetricsFields on CsMetrics {\n    received\n    inquiries\n    salesAmount\n    inquiryConversion\n    orderRate\n    paymentRate\n    csAov\n    avgFirstResponse\n    avgResponse\n    answerRatio\n    replyRate\n    satisfaction\n  }\n": types.CsMetricsFieldsFragmentDoc,
    "\n  query CsRanking($teamId: ID!, $from: Date!, $to: Date!, $sortBy: CsMetric!, $order: SortOrder) {\n    csRanking(teamId: $teamId, from: $from, to: $to, sortBy: $sortBy, order: $order) {\n      team { ...CsMetricsFields }\n      agents(first: 100) {\n        totalCount\n        nodes {\n          rank\n          staffId\n          staff { id name }\n          metrics { ...CsMetricsFields }\n          gap {\n            inquiryConversionPts\n            orderRatePts\n            paymentRatePts\n            replyRatePts\n            satisfactionPts\n            csAov\n            avgFirstResponse\n            avgResponse\n            answerRatio\n          }\n        }\n      }\n    }\n    metricCatalogue { metric direction }\n  }\n": types.CsRankingDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      staff { id name access }\n    }\n  }\n": types.LoginDocument,
    "\n  query Trends($teamId: ID!, $from: Date!, $to: Date!, $granularity: Granularity!) {\n    shopMetrics(teamId: $teamId, from: $from, to: $to, granularity: $granularity) {\n      periodStart\n      periodEnd\n      days\n      visitors\n      paidBuyers\n      paidAmount\n      conversionRate\n      aov\n      bounceRate\n      visitDepth\n      favCartRate\n      refundRate\n      uvValue\n      adSpend\n      adRoi\n      netProfit\n    }\n    metricCatalogue { metric name unit places direction isSum }\n  }\n": types.TrendsDocument,
    "\n  query TrendTargets($teamId: ID!, $month: Month!) {\n    targets(teamId: $teamId, month: $month) { metric staffId period startsOn value }\n  }\n": types.TrendTargetsDocument,
    "\n  mutation MakeTasks($input: CreateTasksFromDiagnosisInput!) {\n    createTasksFromDiagnosis(input: $input) {\n      tasks { id title role priority dueAt assignee { id name } finding { id } }\n    }\n  }\n": types.MakeTasksDocument,
    "\n  mutation RunDiagnosis($input: RunDiagnosisInput!) {\n    runDiagnosis(input: $input) {\n      diagnosis { id date findings { id } }\n    }\n  }\n": types.RunDiagnosisDocument,
    "\n  query Bonus($teamId: ID!, $month: Month!, $canManage: Boolean!) {\n    monthClose(teamId: $teamId, month: $month) @include(if: $canManage) {\n      status\n      version\n      settlesOn\n      finalizedAt\n      finalizedBy { id name }\n    }\n    bonusRun(teamId: $teamId, month: $month) {\n      status\n      computedAt\n      computedBy { id name }\n      total\n      payouts(first: 100) {\n        totalCount\n        nodes {\n          staff { id name }\n          role\n          score\n          grade\n          gross\n          total\n          lines { rule kind formula amount inputs { name value } }\n        }\n      }\n    }\n    bonusAdjustments(teamId: $teamId, month: $month, first: 100) @include(if: $canManage) {\n      nodes { id amount reason createdAt staff { id name } createdBy { id name } }\n    }\n    staff(first: 100, filter: { teamId: $teamId, active: true }) @include(if: $canManage) {\n      nodes { id name }\n    }\n  }\n": types.BonusDocument,
    "\n  mutation ComputeBonusRun($input: ComputeBonusRunInput!) {\n    computeBonusRun(input: $input) { run { status total } }\n  }\n": types.ComputeBonusRunDocument,
    "\n  mutation FinalizeMonth($input: FinalizeMonthInput!) {\n    finalizeMonth(input: $input) { monthClose { status version finalizedAt } }\n  }\n": types.FinalizeMonthDocument,
    "\n  mutation ReopenMonth($input: ReopenMonthInput!) {\n    reopenMonth(input: $input) { monthClose { status version } }\n  }\n": types.ReopenMonthDocument,
    "\n  mutation AddBonusAdjustment($input: AddBonusAdjustmentInput!) {\n    addBonusAdjustment(input: $input) { adjustment { id amount reason } }\n  }\n": types.AddBonusAdjustmentDocument,
    "\n  mutation RemoveBonusAdjustment($input: RemoveBonusAdjustmentInput!) {\n    removeBonusAdjustment(input: $input) { adjustment { id } }\n  }\n": types.RemoveBonusAdjustmentDocument,
    "\n  query PayrollCsv($teamId: ID!, $month: Month!) {\n    payrollCsv(teamId: $teamId, month: $month)\n  }\n": types.PayrollCsvDocument,
    "\n  mutation ImportFile($input: ImportFileInput!) {\n    importFile(input: $input) {\n      dryRun\n      inserted\n      updated\n      rows\n      layout { format encoding delimiter sheet headerLine ignoredColumns }\n      warnings\n      warningCount\n      preview { line fields { name value } }\n      import { id }\n      previousImport { id at fileName importedBy { id name } }\n    }\n  }\n": types.ImportFileDocument,
    "\n  query Imports($teamId: ID!) {\n    imports(teamId: $teamId, first: 50) {\n      totalCount\n      nodes { id kind via at fileName format rows inserted updated warningCount importedBy { id name } }\n    }\n  }\n": types.ImportsDocument,
    "\n  query AdReport($teamId: ID!, $from: Date!, $to: Date!) {\n    adReport(teamId: $teamId, from: $from, to: $to) {\n      total { impressions clicks spend attributedOrders attributedAmount ctr cpc cvr roi }\n      byChannel {\n        channel\n        metrics { impressions clicks spend attributedOrders attributedAmount ctr cpc cvr roi }\n      }\n      byOwner {\n        ownerId\n        owner { id name }\n        metrics { impressions clicks spend attributedOrders attributedAmount ctr cpc cvr roi }\n      }\n    }\n  }\n": types.AdReportDocument,
    "\n  query DesignReport($teamId: ID!, $from: Date!, $to: Date!) {\n    designReport(teamId: $teamId, from: $from, to: $to) {\n      designerId\n      designer { id name }\n      delivered\n      onTime\n      onTimeRate\n      revisions\n      avgRevisions\n      open\n      overdue\n    }\n  }\n": types.DesignReportDocument,
    "\n  query ProductReport($teamId: ID!, $from: Date!, $to: Date!, $after: String) {\n    productReport(teamId: $teamId, from: $from, to: $to, first: 50, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        product { id title platformItemId isHero active designer { id name } }\n        visitors\n        paidBuyers\n        paidUnits\n        paidAmount\n        favCartBuyers\n        conversionRate\n        badReviews\n        stock\n        recentDailyUnits\n        stockCoverDays\n      }\n    }\n  }\n": types.ProductReportDocument,
    "\n  query Reviews($teamId: ID!, $month: Month!, $previous: Month!) {\n    reviews(teamId: $teamId, month: $month) {\n      id\n      staff { id name }\n      role\n      month\n      total\n      computedGrade\n      grade\n      demoted\n      adjustmentReason\n      comment\n      computedAt\n      lines { code metric numerator denominator value actual target score weight }\n    }\n    previous: reviews(teamId: $teamId, month: $previous) {\n      id\n      staff { id }\n      total\n    }\n    kpiLibrary(teamId: $teamId) { code method }\n  }\n": types.ReviewsDocument,
    "\n  query ReviewAudit($reviewId: ID!) {\n    reviewAuditTrail(reviewId: $reviewId, first: 100) {\n      nodes { at field before after actor { id name } }\n    }\n  }\n": types.ReviewAuditDocument,
    "\n  mutation AdjustGrade($input: AdjustGradeInput!) {\n    adjustGrade(input: $input) { review { id grade computedGrade demoted adjustmentReason } }\n  }\n": types.AdjustGradeDocument,
    "\n  mutation CommentReview($input: CommentReviewInput!) {\n    commentReview(input: $input) { review { id comment } }\n  }\n": types.CommentReviewDocument,
    "\n  fragment ProductRow on Product {\n    id\n    platformItemId\n    title\n    isHero\n    designer { id name }\n    unitCost\n    active\n  }\n": types.ProductRowFragmentDoc,
    "\n  query TeamProducts($teamId: ID!, $isHero: Boolean, $active: Boolean, $after: String, $withDesigners: Boolean!) {\n    products(first: 100, after: $after, filter: { teamId: $teamId, isHero: $isHero, active: $active }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...ProductRow }\n    }\n    designers: staff(first: 100, filter: { teamId: $teamId, role: DESIGNER, active: true }) @include(if: $withDesigners) {\n      nodes { id name }\n    }\n  }\n": types.TeamProductsDocument,
    "\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { product { ...ProductRow } }\n  }\n": types.CreateProductDocument,
    "\n  mutation UpdateProduct($input: UpdateProductInput!) {\n    updateProduct(input: $input) { product { ...ProductRow } }\n  }\n": types.UpdateProductDocument,
    "\n  mutation DeactivateProduct($input: DeactivateProductInput!) {\n    deactivateProduct(input: $input) { product { id active } }\n  }\n": types.DeactivateProductDocument,
    "\n  mutation ReactivateProduct($input: ReactivateProductInput!) {\n    reactivateProduct(input: $input) { product { id active } }\n  }\n": types.ReactivateProductDocument,
    "\n  fragment StaffRow on Staff {\n    id\n    name\n    email\n    role\n    access\n    active\n    aliases { id alias }\n  }\n": types.StaffRowFragmentDoc,
    "\n  query TeamStaff($teamId: ID!, $after: String) {\n    staff(first: 100, after: $after, filter: { teamId: $teamId }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...StaffRow }\n    }\n  }\n": types.TeamStaffDocument,
    "\n  mutation CreateStaff($input: CreateStaffInput!) {\n    createStaff(input: $input) { staff { ...StaffRow } }\n  }\n": types.CreateStaffDocument,
    "\n  mutation UpdateStaff($input: UpdateStaffInput!) {\n    updateStaff(input: $input) { staff { ...StaffRow } }\n  }\n": types.UpdateStaffDocument,
    "\n  mutation DeactivateStaff($input: DeactivateStaffInput!) {\n    deactivateStaff(input: $input) { staff { id active } }\n  }\n": types.DeactivateStaffDocument,
    "\n  mutation ReactivateStaff($input: ReactivateStaffInput!) {\n    reactivateStaff(input: $input) { staff { id active } }\n  }\n": types.ReactivateStaffDocument,
    "\n  mutation ResetStaffPassword($input: ResetStaffPasswordInput!) {\n    resetStaffPassword(input: $input) { staff { id } }\n  }\n": types.ResetStaffPasswordDocument,
    "\n  mutation AddStaffAlias($input: AddStaffAliasInput!) {\n    addStaffAlias(input: $input) { alias { id alias staffId } }\n  }\n": types.AddStaffAliasDocument,
    "\n  mutation RemoveStaffAlias($input: RemoveStaffAliasInput!) {\n    removeStaffAlias(input: $input) { removedAliasId }\n  }\n": types.RemoveStaffAliasDocument,
    "\n  query SettingsTargets($teamId: ID!, $month: Month!) {\n    targets(teamId: $teamId, month: $month) { metric staffId period startsOn value }\n    metricCatalogue { metric name label unit }\n    kpiLibrary(teamId: $teamId) { code role metric basis method target }\n    staff(first: 100, filter: { teamId: $teamId, active: true }) {\n      nodes { id name role }\n    }\n  }\n": types.SettingsTargetsDocument,
    "\n  mutation SetTargets($input: SetTargetsInput!) {\n    setTargets(input: $input) { targets { metric staffId period startsOn value } }\n  }\n": types.SetTargetsDocument,
    "\n  fragment ThresholdFields on Threshold { key value defaultValue isDefault }\n": types.ThresholdFieldsFragmentDoc,
    "\n  query SettingsThresholds($teamId: ID!) {\n    diagnosisThresholds(teamId: $teamId) { ...ThresholdFields }\n  }\n": types.SettingsThresholdsDocument,
    "\n  mutation SetDiagnosisThresholds($input: SetDiagnosisThresholdsInput!) {\n    setDiagnosisThresholds(input: $input) { thresholds { ...ThresholdFields } }\n  }\n": types.SetDiagnosisThresholdsDocument,
    "\n  fragment KpiFields on KpiDefinition {\n    code role metric basis direction method weight\n    tiers { threshold score }\n    worst best target value cap\n  }\n": types.KpiFieldsFragmentDoc,
    "\n  query SettingsKpis($teamId: ID!, $role: StaffRole!) {\n    kpiLibrary(teamId: $teamId, role: $role) { ...KpiFields }\n    forcedDistribution(teamId: $teamId) { grade max }\n    metricCatalogue { metric name label unit direction }\n  }\n": types.SettingsKpisDocument,
    "\n  mutation SetRoleKpis($input: SetRoleKpisInput!) {\n    setRoleKpis(input: $input) { kpis { ...KpiFields } }\n  }\n": types.SetRoleKpisDocument,
    "\n  mutation SetForcedDistribution($input: SetForcedDistributionInput!) {\n    setForcedDistribution(input: $input) { quotas { grade max } }\n  }\n": types.SetForcedDistributionDocument,
    "\n  fragment BonusPlanFields on BonusPlan {\n    role isDefault updatedAt\n    rules {\n      code kind\n      params {\n        __typename\n        ... on GradeBonus { base coefficients { s a b c d } }\n        ... on ScoreBonus { base }\n        ... on Commission { commissionMetric: metric rate tiers { completion rate } }\n        ... on PerUnitOverThreshold { amount threshold }\n        ... on TeamRelative { pool relativeMetric: metric }\n      }\n    }\n  }\n": types.BonusPlanFieldsFragmentDoc,
    "\n  query SettingsBonusPlans($teamId: ID!) {\n    bonusPlans(teamId: $teamId) { ...BonusPlanFields }\n    metricCatalogue { metric name label }\n  }\n": types.SettingsBonusPlansDocument,
    "\n  mutation SetBonusPlan($input: SetBonusPlanInput!) {\n    setBonusPlan(input: $input) { plan { ...BonusPlanFields } }\n  }\n": types.SetBonusPlanDocument,
    "\n  mutation ResetBonusPlan($input: ResetBonusPlanInput!) {\n    resetBonusPlan(input: $input) { plan { ...BonusPlanFields } }\n  }\n": types.ResetBonusPlanDocument,
    "\n  fragment TaskCardFields on Task {\n    id\n    version\n    title\n    role\n    priority\n    status\n    reason\n    dueAt\n    overdue\n    completedAt\n    allowedMoves\n    assignee { id name }\n    finding { id code }\n  }\n": types.TaskCardFieldsFragmentDoc,
    "\n  fragment TaskColumnFields on TaskConnection {\n    totalCount\n    pageInfo { hasNextPage endCursor }\n    nodes { ...TaskCardFields }\n  }\n": types.TaskColumnFieldsFragmentDoc,
    "\n  query TaskBoard($teamId: ID!, $role: StaffRole, $assigneeId: ID, $overdue: Boolean, $canManage: Boolean!) {\n    TODO: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [TODO] }, first: 100) {\n      ...TaskColumnFields\n    }\n    IN_PROGRESS: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [IN_PROGRESS] }, first: 100) {\n      ...TaskColumnFields\n    }\n    BLOCKED: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [BLOCKED] }, first: 100) {\n      ...TaskColumnFields\n    }\n    DONE: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [DONE] }, first: 100) {\n      ...TaskColumnFields\n    }\n    VERIFIED: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [VERIFIED] }, first: 100) {\n      ...TaskColumnFields\n    }\n    CANCELLED: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [CANCELLED] }, first: 100) {\n      ...TaskColumnFields\n    }\n    staff(first: 100, filter: { teamId: $teamId, active: true }) @include(if: $canManage) {\n      nodes { id name role }\n    }\n  }\n": types.TaskBoardDocument,
    "\n  query TaskColumnMore($filter: TaskFilter!, $after: String!) {\n    tasks(filter: $filter, first: 100, after: $after) {\n      ...TaskColumnFields\n    }\n  }\n": types.TaskColumnMoreDocument,
    "\n  query TaskDetail($id: ID!) {\n    task(id: $id) {\n      ...TaskCardFields\n      detail\n      createdAt\n      updatedAt\n      creator { id name }\n      finding { id code message suggestedAction }\n      followUps { id body createdAt author { id name } }\n      auditTrail { at field before after actor { id name } }\n      verification { metric raisedOn raisedValue measuredOn measuredValue stillFiring }\n    }\n    metricCatalogue { metric name unit places direction }\n  }\n": types.TaskDetailDocument,
    "\n  mutation MoveTask($input: MoveTaskInput!) {\n    moveTask(input: $input) { task { ...TaskCardFields } }\n  }\n": types.MoveTaskDocument,
    "\n  mutation AssignTask($input: AssignTaskInput!) {\n    assignTask(input: $input) { task { ...TaskCardFields } }\n  }\n": types.AssignTaskDocument,
    "\n  mutation UpdateTask($input: UpdateTaskInput!) {\n    updateTask(input: $input) { task { ...TaskCardFields detail } }\n  }\n": types.UpdateTaskDocument,
    "\n  mutation CreateTask($input: CreateTaskInput!) {\n    createTask(input: $input) { task { ...TaskCardFields } }\n  }\n": types.CreateTaskDocument,
    "\n  mutation AddFollowUp($input: AddFollowUpInput!) {\n    addFollowUp(input: $input) { followUp { id body createdAt author { id name } } }\n  }\n": types.AddFollowUpDocument,
    "\n  subscription TaskBoardEvents($teamId: ID!) {\n    taskEvents(teamId: $teamId) { kind taskId status at }\n  }\n": types.TaskBoardEventsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      name\n      access\n      role\n      team { id name timeZone }\n    }\n    teams(first: 100) {\n      nodes { id name timeZone active }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      name\n      access\n      role\n      team { id name timeZone }\n    }\n    teams(first: 100) {\n      nodes { id name timeZone active }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TaskEvents($teamId: ID!) {\n    taskEvents(teamId: $teamId) { kind taskId status at }\n  }\n"): (typeof documents)["\n  subscription TaskEvents($teamId: ID!) {\n    taskEvents(teamId: $teamId) { kind taskId status at }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Board($teamId: ID!, $today: Date!, $yesterday: Date!, $canManage: Boolean!) {\n    dailyBoard(teamId: $teamId, day: $today) {\n      day\n      diagnosis {\n        id\n        date\n        ranAt\n        findings {\n          id\n          code\n          severity\n          metric\n          observed\n          expected\n          comparison\n          ownerRole\n          ownerStaff { id name }\n          message\n          suggestedAction\n          current\n        }\n        skipped { code reason }\n      }\n      findingCounts { severity count }\n      tasksByRole {\n        role\n        total\n        byStatus { status count }\n        tasks {\n          id\n          title\n          status\n          priority\n          overdue\n          dueAt\n          assignee { id name }\n          finding { id }\n        }\n      }\n      overdueCount\n      completionRate\n      awaitingVerification {\n        id\n        title\n        role\n        status\n        completedAt\n        assignee { id name }\n        verification { metric raisedOn raisedValue measuredOn measuredValue stillFiring }\n      }\n    }\n    daySummary(teamId: $teamId, date: $yesterday) {\n      date\n      day { paidAmount visitors days }\n      comparisons {\n        basis\n        changes { metric value base changePct }\n        gmvSplit { gmvChange trafficShare conversionShare aovShare }\n      }\n    }\n    metricCatalogue { metric name unit places direction }\n    staff(first: 100, filter: { teamId: $teamId, active: true }) @include(if: $canManage) {\n      nodes { id name role }\n    }\n  }\n"): (typeof documents)["\n  query Board($teamId: ID!, $today: Date!, $yesterday: Date!, $canManage: Boolean!) {\n    dailyBoard(teamId: $teamId, day: $today) {\n      day\n      diagnosis {\n        id\n        date\n        ranAt\n        findings {\n          id\n          code\n          severity\n          metric\n          observed\n          expected\n          comparison\n          ownerRole\n          ownerStaff { id name }\n          message\n          suggestedAction\n          current\n        }\n        skipped { code reason }\n      }\n      findingCounts { severity count }\n      tasksByRole {\n        role\n        total\n        byStatus { status count }\n        tasks {\n          id\n          title\n          status\n          priority\n          overdue\n          dueAt\n          assignee { id name }\n          finding { id }\n        }\n      }\n      overdueCount\n      completionRate\n      awaitingVerification {\n        id\n        title\n        role\n        status\n        completedAt\n        assignee { id name }\n        verification { metric raisedOn raisedValue measuredOn measuredValue stillFiring }\n      }\n    }\n    daySummary(teamId: $teamId, date: $yesterday) {\n      date\n      day { paidAmount visitors days }\n      comparisons {\n        basis\n        changes { metric value base changePct }\n        gmvSplit { gmvChange trafficShare conversionShare aovShare }\n      }\n    }\n    metricCatalogue { metric name unit places direction }\n    staff(first: 100, filter: { teamId: $teamId, active: true }) @include(if: $canManage) {\n      nodes { id name role }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CsMetricsFields on CsMetrics {\n    received\n    inquiries\n    salesAmount\n    inquiryConversion\n    orderRate\n    paymentRate\n    csAov\n    avgFirstResponse\n    avgResponse\n    answerRatio\n    replyRate\n    satisfaction\n  }\n"): (typeof documents)["\n  fragment CsMetricsFields on CsMetrics {\n    received\n    inquiries\n    salesAmount\n    inquiryConversion\n    orderRate\n    paymentRate\n    csAov\n    avgFirstResponse\n    avgResponse\n    answerRatio\n    replyRate\n    satisfaction\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CsRanking($teamId: ID!, $from: Date!, $to: Date!, $sortBy: CsMetric!, $order: SortOrder) {\n    csRanking(teamId: $teamId, from: $from, to: $to, sortBy: $sortBy, order: $order) {\n      team { ...CsMetricsFields }\n      agents(first: 100) {\n        totalCount\n        nodes {\n          rank\n          staffId\n          staff { id name }\n          metrics { ...CsMetricsFields }\n          gap {\n            inquiryConversionPts\n            orderRatePts\n            paymentRatePts\n            replyRatePts\n            satisfactionPts\n            csAov\n            avgFirstResponse\n            avgResponse\n            answerRatio\n          }\n        }\n      }\n    }\n    metricCatalogue { metric direction }\n  }\n"): (typeof documents)["\n  query CsRanking($teamId: ID!, $from: Date!, $to: Date!, $sortBy: CsMetric!, $order: SortOrder) {\n    csRanking(teamId: $teamId, from: $from, to: $to, sortBy: $sortBy, order: $order) {\n      team { ...CsMetricsFields }\n      agents(first: 100) {\n        totalCount\n        nodes {\n          rank\n          staffId\n          staff { id name }\n          metrics { ...CsMetricsFields }\n          gap {\n            inquiryConversionPts\n            orderRatePts\n            paymentRatePts\n            replyRatePts\n            satisfactionPts\n            csAov\n            avgFirstResponse\n            avgResponse\n            answerRatio\n          }\n        }\n      }\n    }\n    metricCatalogue { metric direction }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      staff { id name access }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      staff { id name access }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Trends($teamId: ID!, $from: Date!, $to: Date!, $granularity: Granularity!) {\n    shopMetrics(teamId: $teamId, from: $from, to: $to, granularity: $granularity) {\n      periodStart\n      periodEnd\n      days\n      visitors\n      paidBuyers\n      paidAmount\n      conversionRate\n      aov\n      bounceRate\n      visitDepth\n      favCartRate\n      refundRate\n      uvValue\n      adSpend\n      adRoi\n      netProfit\n    }\n    metricCatalogue { metric name unit places direction isSum }\n  }\n"): (typeof documents)["\n  query Trends($teamId: ID!, $from: Date!, $to: Date!, $granularity: Granularity!) {\n    shopMetrics(teamId: $teamId, from: $from, to: $to, granularity: $granularity) {\n      periodStart\n      periodEnd\n      days\n      visitors\n      paidBuyers\n      paidAmount\n      conversionRate\n      aov\n      bounceRate\n      visitDepth\n      favCartRate\n      refundRate\n      uvValue\n      adSpend\n      adRoi\n      netProfit\n    }\n    metricCatalogue { metric name unit places direction isSum }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrendTargets($teamId: ID!, $month: Month!) {\n    targets(teamId: $teamId, month: $month) { metric staffId period startsOn value }\n  }\n"): (typeof documents)["\n  query TrendTargets($teamId: ID!, $month: Month!) {\n    targets(teamId: $teamId, month: $month) { metric staffId period startsOn value }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MakeTasks($input: CreateTasksFromDiagnosisInput!) {\n    createTasksFromDiagnosis(input: $input) {\n      tasks { id title role priority dueAt assignee { id name } finding { id } }\n    }\n  }\n"): (typeof documents)["\n  mutation MakeTasks($input: CreateTasksFromDiagnosisInput!) {\n    createTasksFromDiagnosis(input: $input) {\n      tasks { id title role priority dueAt assignee { id name } finding { id } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunDiagnosis($input: RunDiagnosisInput!) {\n    runDiagnosis(input: $input) {\n      diagnosis { id date findings { id } }\n    }\n  }\n"): (typeof documents)["\n  mutation RunDiagnosis($input: RunDiagnosisInput!) {\n    runDiagnosis(input: $input) {\n      diagnosis { id date findings { id } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Bonus($teamId: ID!, $month: Month!, $canManage: Boolean!) {\n    monthClose(teamId: $teamId, month: $month) @include(if: $canManage) {\n      status\n      version\n      settlesOn\n      finalizedAt\n      finalizedBy { id name }\n    }\n    bonusRun(teamId: $teamId, month: $month) {\n      status\n      computedAt\n      computedBy { id name }\n      total\n      payouts(first: 100) {\n        totalCount\n        nodes {\n          staff { id name }\n          role\n          score\n          grade\n          gross\n          total\n          lines { rule kind formula amount inputs { name value } }\n        }\n      }\n    }\n    bonusAdjustments(teamId: $teamId, month: $month, first: 100) @include(if: $canManage) {\n      nodes { id amount reason createdAt staff { id name } createdBy { id name } }\n    }\n    staff(first: 100, filter: { teamId: $teamId, active: true }) @include(if: $canManage) {\n      nodes { id name }\n    }\n  }\n"): (typeof documents)["\n  query Bonus($teamId: ID!, $month: Month!, $canManage: Boolean!) {\n    monthClose(teamId: $teamId, month: $month) @include(if: $canManage) {\n      status\n      version\n      settlesOn\n      finalizedAt\n      finalizedBy { id name }\n    }\n    bonusRun(teamId: $teamId, month: $month) {\n      status\n      computedAt\n      computedBy { id name }\n      total\n      payouts(first: 100) {\n        totalCount\n        nodes {\n          staff { id name }\n          role\n          score\n          grade\n          gross\n          total\n          lines { rule kind formula amount inputs { name value } }\n        }\n      }\n    }\n    bonusAdjustments(teamId: $teamId, month: $month, first: 100) @include(if: $canManage) {\n      nodes { id amount reason createdAt staff { id name } createdBy { id name } }\n    }\n    staff(first: 100, filter: { teamId: $teamId, active: true }) @include(if: $canManage) {\n      nodes { id name }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ComputeBonusRun($input: ComputeBonusRunInput!) {\n    computeBonusRun(input: $input) { run { status total } }\n  }\n"): (typeof documents)["\n  mutation ComputeBonusRun($input: ComputeBonusRunInput!) {\n    computeBonusRun(input: $input) { run { status total } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinalizeMonth($input: FinalizeMonthInput!) {\n    finalizeMonth(input: $input) { monthClose { status version finalizedAt } }\n  }\n"): (typeof documents)["\n  mutation FinalizeMonth($input: FinalizeMonthInput!) {\n    finalizeMonth(input: $input) { monthClose { status version finalizedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReopenMonth($input: ReopenMonthInput!) {\n    reopenMonth(input: $input) { monthClose { status version } }\n  }\n"): (typeof documents)["\n  mutation ReopenMonth($input: ReopenMonthInput!) {\n    reopenMonth(input: $input) { monthClose { status version } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddBonusAdjustment($input: AddBonusAdjustmentInput!) {\n    addBonusAdjustment(input: $input) { adjustment { id amount reason } }\n  }\n"): (typeof documents)["\n  mutation AddBonusAdjustment($input: AddBonusAdjustmentInput!) {\n    addBonusAdjustment(input: $input) { adjustment { id amount reason } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveBonusAdjustment($input: RemoveBonusAdjustmentInput!) {\n    removeBonusAdjustment(input: $input) { adjustment { id } }\n  }\n"): (typeof documents)["\n  mutation RemoveBonusAdjustment($input: RemoveBonusAdjustmentInput!) {\n    removeBonusAdjustment(input: $input) { adjustment { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PayrollCsv($teamId: ID!, $month: Month!) {\n    payrollCsv(teamId: $teamId, month: $month)\n  }\n"): (typeof documents)["\n  query PayrollCsv($teamId: ID!, $month: Month!) {\n    payrollCsv(teamId: $teamId, month: $month)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportFile($input: ImportFileInput!) {\n    importFile(input: $input) {\n      dryRun\n      inserted\n      updated\n      rows\n      layout { format encoding delimiter sheet headerLine ignoredColumns }\n      warnings\n      warningCount\n      preview { line fields { name value } }\n      import { id }\n      previousImport { id at fileName importedBy { id name } }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportFile($input: ImportFileInput!) {\n    importFile(input: $input) {\n      dryRun\n      inserted\n      updated\n      rows\n      layout { format encoding delimiter sheet headerLine ignoredColumns }\n      warnings\n      warningCount\n      preview { line fields { name value } }\n      import { id }\n      previousImport { id at fileName importedBy { id name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Imports($teamId: ID!) {\n    imports(teamId: $teamId, first: 50) {\n      totalCount\n      nodes { id kind via at fileName format rows inserted updated warningCount importedBy { id name } }\n    }\n  }\n"): (typeof documents)["\n  query Imports($teamId: ID!) {\n    imports(teamId: $teamId, first: 50) {\n      totalCount\n      nodes { id kind via at fileName format rows inserted updated warningCount importedBy { id name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdReport($teamId: ID!, $from: Date!, $to: Date!) {\n    adReport(teamId: $teamId, from: $from, to: $to) {\n      total { impressions clicks spend attributedOrders attributedAmount ctr cpc cvr roi }\n      byChannel {\n        channel\n        metrics { impressions clicks spend attributedOrders attributedAmount ctr cpc cvr roi }\n      }\n      byOwner {\n        ownerId\n        owner { id name }\n        metrics { impressions clicks spend attributedOrders attributedAmount ctr cpc cvr roi }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdReport($teamId: ID!, $from: Date!, $to: Date!) {\n    adReport(teamId: $teamId, from: $from, to: $to) {\n      total { impressions clicks spend attributedOrders attributedAmount ctr cpc cvr roi }\n      byChannel {\n        channel\n        metrics { impressions clicks spend attributedOrders attributedAmount ctr cpc cvr roi }\n      }\n      byOwner {\n        ownerId\n        owner { id name }\n        metrics { impressions clicks spend attributedOrders attributedAmount ctr cpc cvr roi }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DesignReport($teamId: ID!, $from: Date!, $to: Date!) {\n    designReport(teamId: $teamId, from: $from, to: $to) {\n      designerId\n      designer { id name }\n      delivered\n      onTime\n      onTimeRate\n      revisions\n      avgRevisions\n      open\n      overdue\n    }\n  }\n"): (typeof documents)["\n  query DesignReport($teamId: ID!, $from: Date!, $to: Date!) {\n    designReport(teamId: $teamId, from: $from, to: $to) {\n      designerId\n      designer { id name }\n      delivered\n      onTime\n      onTimeRate\n      revisions\n      avgRevisions\n      open\n      overdue\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductReport($teamId: ID!, $from: Date!, $to: Date!, $after: String) {\n    productReport(teamId: $teamId, from: $from, to: $to, first: 50, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        product { id title platformItemId isHero active designer { id name } }\n        visitors\n        paidBuyers\n        paidUnits\n        paidAmount\n        favCartBuyers\n        conversionRate\n        badReviews\n        stock\n        recentDailyUnits\n        stockCoverDays\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProductReport($teamId: ID!, $from: Date!, $to: Date!, $after: String) {\n    productReport(teamId: $teamId, from: $from, to: $to, first: 50, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        product { id title platformItemId isHero active designer { id name } }\n        visitors\n        paidBuyers\n        paidUnits\n        paidAmount\n        favCartBuyers\n        conversionRate\n        badReviews\n        stock\n        recentDailyUnits\n        stockCoverDays\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Reviews($teamId: ID!, $month: Month!, $previous: Month!) {\n    reviews(teamId: $teamId, month: $month) {\n      id\n      staff { id name }\n      role\n      month\n      total\n      computedGrade\n      grade\n      demoted\n      adjustmentReason\n      comment\n      computedAt\n      lines { code metric numerator denominator value actual target score weight }\n    }\n    previous: reviews(teamId: $teamId, month: $previous) {\n      id\n      staff { id }\n      total\n    }\n    kpiLibrary(teamId: $teamId) { code method }\n  }\n"): (typeof documents)["\n  query Reviews($teamId: ID!, $month: Month!, $previous: Month!) {\n    reviews(teamId: $teamId, month: $month) {\n      id\n      staff { id name }\n      role\n      month\n      total\n      computedGrade\n      grade\n      demoted\n      adjustmentReason\n      comment\n      computedAt\n      lines { code metric numerator denominator value actual target score weight }\n    }\n    previous: reviews(teamId: $teamId, month: $previous) {\n      id\n      staff { id }\n      total\n    }\n    kpiLibrary(teamId: $teamId) { code method }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewAudit($reviewId: ID!) {\n    reviewAuditTrail(reviewId: $reviewId, first: 100) {\n      nodes { at field before after actor { id name } }\n    }\n  }\n"): (typeof documents)["\n  query ReviewAudit($reviewId: ID!) {\n    reviewAuditTrail(reviewId: $reviewId, first: 100) {\n      nodes { at field before after actor { id name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdjustGrade($input: AdjustGradeInput!) {\n    adjustGrade(input: $input) { review { id grade computedGrade demoted adjustmentReason } }\n  }\n"): (typeof documents)["\n  mutation AdjustGrade($input: AdjustGradeInput!) {\n    adjustGrade(input: $input) { review { id grade computedGrade demoted adjustmentReason } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CommentReview($input: CommentReviewInput!) {\n    commentReview(input: $input) { review { id comment } }\n  }\n"): (typeof documents)["\n  mutation CommentReview($input: CommentReviewInput!) {\n    commentReview(input: $input) { review { id comment } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProductRow on Product {\n    id\n    platformItemId\n    title\n    isHero\n    designer { id name }\n    unitCost\n    active\n  }\n"): (typeof documents)["\n  fragment ProductRow on Product {\n    id\n    platformItemId\n    title\n    isHero\n    designer { id name }\n    unitCost\n    active\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamProducts($teamId: ID!, $isHero: Boolean, $active: Boolean, $after: String, $withDesigners: Boolean!) {\n    products(first: 100, after: $after, filter: { teamId: $teamId, isHero: $isHero, active: $active }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...ProductRow }\n    }\n    designers: staff(first: 100, filter: { teamId: $teamId, role: DESIGNER, active: true }) @include(if: $withDesigners) {\n      nodes { id name }\n    }\n  }\n"): (typeof documents)["\n  query TeamProducts($teamId: ID!, $isHero: Boolean, $active: Boolean, $after: String, $withDesigners: Boolean!) {\n    products(first: 100, after: $after, filter: { teamId: $teamId, isHero: $isHero, active: $active }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...ProductRow }\n    }\n    designers: staff(first: 100, filter: { teamId: $teamId, role: DESIGNER, active: true }) @include(if: $withDesigners) {\n      nodes { id name }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { product { ...ProductRow } }\n  }\n"): (typeof documents)["\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) { product { ...ProductRow } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProduct($input: UpdateProductInput!) {\n    updateProduct(input: $input) { product { ...ProductRow } }\n  }\n"): (typeof documents)["\n  mutation UpdateProduct($input: UpdateProductInput!) {\n    updateProduct(input: $input) { product { ...ProductRow } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateProduct($input: DeactivateProductInput!) {\n    deactivateProduct(input: $input) { product { id active } }\n  }\n"): (typeof documents)["\n  mutation DeactivateProduct($input: DeactivateProductInput!) {\n    deactivateProduct(input: $input) { product { id active } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateProduct($input: ReactivateProductInput!) {\n    reactivateProduct(input: $input) { product { id active } }\n  }\n"): (typeof documents)["\n  mutation ReactivateProduct($input: ReactivateProductInput!) {\n    reactivateProduct(input: $input) { product { id active } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StaffRow on Staff {\n    id\n    name\n    email\n    role\n    access\n    active\n    aliases { id alias }\n  }\n"): (typeof documents)["\n  fragment StaffRow on Staff {\n    id\n    name\n    email\n    role\n    access\n    active\n    aliases { id alias }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamStaff($teamId: ID!, $after: String) {\n    staff(first: 100, after: $after, filter: { teamId: $teamId }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...StaffRow }\n    }\n  }\n"): (typeof documents)["\n  query TeamStaff($teamId: ID!, $after: String) {\n    staff(first: 100, after: $after, filter: { teamId: $teamId }) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { ...StaffRow }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStaff($input: CreateStaffInput!) {\n    createStaff(input: $input) { staff { ...StaffRow } }\n  }\n"): (typeof documents)["\n  mutation CreateStaff($input: CreateStaffInput!) {\n    createStaff(input: $input) { staff { ...StaffRow } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateStaff($input: UpdateStaffInput!) {\n    updateStaff(input: $input) { staff { ...StaffRow } }\n  }\n"): (typeof documents)["\n  mutation UpdateStaff($input: UpdateStaffInput!) {\n    updateStaff(input: $input) { staff { ...StaffRow } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateStaff($input: DeactivateStaffInput!) {\n    deactivateStaff(input: $input) { staff { id active } }\n  }\n"): (typeof documents)["\n  mutation DeactivateStaff($input: DeactivateStaffInput!) {\n    deactivateStaff(input: $input) { staff { id active } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateStaff($input: ReactivateStaffInput!) {\n    reactivateStaff(input: $input) { staff { id active } }\n  }\n"): (typeof documents)["\n  mutation ReactivateStaff($input: ReactivateStaffInput!) {\n    reactivateStaff(input: $input) { staff { id active } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetStaffPassword($input: ResetStaffPasswordInput!) {\n    resetStaffPassword(input: $input) { staff { id } }\n  }\n"): (typeof documents)["\n  mutation ResetStaffPassword($input: ResetStaffPasswordInput!) {\n    resetStaffPassword(input: $input) { staff { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddStaffAlias($input: AddStaffAliasInput!) {\n    addStaffAlias(input: $input) { alias { id alias staffId } }\n  }\n"): (typeof documents)["\n  mutation AddStaffAlias($input: AddStaffAliasInput!) {\n    addStaffAlias(input: $input) { alias { id alias staffId } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveStaffAlias($input: RemoveStaffAliasInput!) {\n    removeStaffAlias(input: $input) { removedAliasId }\n  }\n"): (typeof documents)["\n  mutation RemoveStaffAlias($input: RemoveStaffAliasInput!) {\n    removeStaffAlias(input: $input) { removedAliasId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettingsTargets($teamId: ID!, $month: Month!) {\n    targets(teamId: $teamId, month: $month) { metric staffId period startsOn value }\n    metricCatalogue { metric name label unit }\n    kpiLibrary(teamId: $teamId) { code role metric basis method target }\n    staff(first: 100, filter: { teamId: $teamId, active: true }) {\n      nodes { id name role }\n    }\n  }\n"): (typeof documents)["\n  query SettingsTargets($teamId: ID!, $month: Month!) {\n    targets(teamId: $teamId, month: $month) { metric staffId period startsOn value }\n    metricCatalogue { metric name label unit }\n    kpiLibrary(teamId: $teamId) { code role metric basis method target }\n    staff(first: 100, filter: { teamId: $teamId, active: true }) {\n      nodes { id name role }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTargets($input: SetTargetsInput!) {\n    setTargets(input: $input) { targets { metric staffId period startsOn value } }\n  }\n"): (typeof documents)["\n  mutation SetTargets($input: SetTargetsInput!) {\n    setTargets(input: $input) { targets { metric staffId period startsOn value } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ThresholdFields on Threshold { key value defaultValue isDefault }\n"): (typeof documents)["\n  fragment ThresholdFields on Threshold { key value defaultValue isDefault }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettingsThresholds($teamId: ID!) {\n    diagnosisThresholds(teamId: $teamId) { ...ThresholdFields }\n  }\n"): (typeof documents)["\n  query SettingsThresholds($teamId: ID!) {\n    diagnosisThresholds(teamId: $teamId) { ...ThresholdFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetDiagnosisThresholds($input: SetDiagnosisThresholdsInput!) {\n    setDiagnosisThresholds(input: $input) { thresholds { ...ThresholdFields } }\n  }\n"): (typeof documents)["\n  mutation SetDiagnosisThresholds($input: SetDiagnosisThresholdsInput!) {\n    setDiagnosisThresholds(input: $input) { thresholds { ...ThresholdFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KpiFields on KpiDefinition {\n    code role metric basis direction method weight\n    tiers { threshold score }\n    worst best target value cap\n  }\n"): (typeof documents)["\n  fragment KpiFields on KpiDefinition {\n    code role metric basis direction method weight\n    tiers { threshold score }\n    worst best target value cap\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettingsKpis($teamId: ID!, $role: StaffRole!) {\n    kpiLibrary(teamId: $teamId, role: $role) { ...KpiFields }\n    forcedDistribution(teamId: $teamId) { grade max }\n    metricCatalogue { metric name label unit direction }\n  }\n"): (typeof documents)["\n  query SettingsKpis($teamId: ID!, $role: StaffRole!) {\n    kpiLibrary(teamId: $teamId, role: $role) { ...KpiFields }\n    forcedDistribution(teamId: $teamId) { grade max }\n    metricCatalogue { metric name label unit direction }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRoleKpis($input: SetRoleKpisInput!) {\n    setRoleKpis(input: $input) { kpis { ...KpiFields } }\n  }\n"): (typeof documents)["\n  mutation SetRoleKpis($input: SetRoleKpisInput!) {\n    setRoleKpis(input: $input) { kpis { ...KpiFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetForcedDistribution($input: SetForcedDistributionInput!) {\n    setForcedDistribution(input: $input) { quotas { grade max } }\n  }\n"): (typeof documents)["\n  mutation SetForcedDistribution($input: SetForcedDistributionInput!) {\n    setForcedDistribution(input: $input) { quotas { grade max } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BonusPlanFields on BonusPlan {\n    role isDefault updatedAt\n    rules {\n      code kind\n      params {\n        __typename\n        ... on GradeBonus { base coefficients { s a b c d } }\n        ... on ScoreBonus { base }\n        ... on Commission { commissionMetric: metric rate tiers { completion rate } }\n        ... on PerUnitOverThreshold { amount threshold }\n        ... on TeamRelative { pool relativeMetric: metric }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment BonusPlanFields on BonusPlan {\n    role isDefault updatedAt\n    rules {\n      code kind\n      params {\n        __typename\n        ... on GradeBonus { base coefficients { s a b c d } }\n        ... on ScoreBonus { base }\n        ... on Commission { commissionMetric: metric rate tiers { completion rate } }\n        ... on PerUnitOverThreshold { amount threshold }\n        ... on TeamRelative { pool relativeMetric: metric }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SettingsBonusPlans($teamId: ID!) {\n    bonusPlans(teamId: $teamId) { ...BonusPlanFields }\n    metricCatalogue { metric name label }\n  }\n"): (typeof documents)["\n  query SettingsBonusPlans($teamId: ID!) {\n    bonusPlans(teamId: $teamId) { ...BonusPlanFields }\n    metricCatalogue { metric name label }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetBonusPlan($input: SetBonusPlanInput!) {\n    setBonusPlan(input: $input) { plan { ...BonusPlanFields } }\n  }\n"): (typeof documents)["\n  mutation SetBonusPlan($input: SetBonusPlanInput!) {\n    setBonusPlan(input: $input) { plan { ...BonusPlanFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetBonusPlan($input: ResetBonusPlanInput!) {\n    resetBonusPlan(input: $input) { plan { ...BonusPlanFields } }\n  }\n"): (typeof documents)["\n  mutation ResetBonusPlan($input: ResetBonusPlanInput!) {\n    resetBonusPlan(input: $input) { plan { ...BonusPlanFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TaskCardFields on Task {\n    id\n    version\n    title\n    role\n    priority\n    status\n    reason\n    dueAt\n    overdue\n    completedAt\n    allowedMoves\n    assignee { id name }\n    finding { id code }\n  }\n"): (typeof documents)["\n  fragment TaskCardFields on Task {\n    id\n    version\n    title\n    role\n    priority\n    status\n    reason\n    dueAt\n    overdue\n    completedAt\n    allowedMoves\n    assignee { id name }\n    finding { id code }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TaskColumnFields on TaskConnection {\n    totalCount\n    pageInfo { hasNextPage endCursor }\n    nodes { ...TaskCardFields }\n  }\n"): (typeof documents)["\n  fragment TaskColumnFields on TaskConnection {\n    totalCount\n    pageInfo { hasNextPage endCursor }\n    nodes { ...TaskCardFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaskBoard($teamId: ID!, $role: StaffRole, $assigneeId: ID, $overdue: Boolean, $canManage: Boolean!) {\n    TODO: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [TODO] }, first: 100) {\n      ...TaskColumnFields\n    }\n    IN_PROGRESS: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [IN_PROGRESS] }, first: 100) {\n      ...TaskColumnFields\n    }\n    BLOCKED: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [BLOCKED] }, first: 100) {\n      ...TaskColumnFields\n    }\n    DONE: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [DONE] }, first: 100) {\n      ...TaskColumnFields\n    }\n    VERIFIED: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [VERIFIED] }, first: 100) {\n      ...TaskColumnFields\n    }\n    CANCELLED: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [CANCELLED] }, first: 100) {\n      ...TaskColumnFields\n    }\n    staff(first: 100, filter: { teamId: $teamId, active: true }) @include(if: $canManage) {\n      nodes { id name role }\n    }\n  }\n"): (typeof documents)["\n  query TaskBoard($teamId: ID!, $role: StaffRole, $assigneeId: ID, $overdue: Boolean, $canManage: Boolean!) {\n    TODO: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [TODO] }, first: 100) {\n      ...TaskColumnFields\n    }\n    IN_PROGRESS: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [IN_PROGRESS] }, first: 100) {\n      ...TaskColumnFields\n    }\n    BLOCKED: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [BLOCKED] }, first: 100) {\n      ...TaskColumnFields\n    }\n    DONE: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [DONE] }, first: 100) {\n      ...TaskColumnFields\n    }\n    VERIFIED: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [VERIFIED] }, first: 100) {\n      ...TaskColumnFields\n    }\n    CANCELLED: tasks(filter: { teamId: $teamId, role: $role, assigneeId: $assigneeId, overdue: $overdue, status: [CANCELLED] }, first: 100) {\n      ...TaskColumnFields\n    }\n    staff(first: 100, filter: { teamId: $teamId, active: true }) @include(if: $canManage) {\n      nodes { id name role }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaskColumnMore($filter: TaskFilter!, $after: String!) {\n    tasks(filter: $filter, first: 100, after: $after) {\n      ...TaskColumnFields\n    }\n  }\n"): (typeof documents)["\n  query TaskColumnMore($filter: TaskFilter!, $after: String!) {\n    tasks(filter: $filter, first: 100, after: $after) {\n      ...TaskColumnFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaskDetail($id: ID!) {\n    task(id: $id) {\n      ...TaskCardFields\n      detail\n      createdAt\n      updatedAt\n      creator { id name }\n      finding { id code message suggestedAction }\n      followUps { id body createdAt author { id name } }\n      auditTrail { at field before after actor { id name } }\n      verification { metric raisedOn raisedValue measuredOn measuredValue stillFiring }\n    }\n    metricCatalogue { metric name unit places direction }\n  }\n"): (typeof documents)["\n  query TaskDetail($id: ID!) {\n    task(id: $id) {\n      ...TaskCardFields\n      detail\n      createdAt\n      updatedAt\n      creator { id name }\n      finding { id code message suggestedAction }\n      followUps { id body createdAt author { id name } }\n      auditTrail { at field before after actor { id name } }\n      verification { metric raisedOn raisedValue measuredOn measuredValue stillFiring }\n    }\n    metricCatalogue { metric name unit places direction }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveTask($input: MoveTaskInput!) {\n    moveTask(input: $input) { task { ...TaskCardFields } }\n  }\n"): (typeof documents)["\n  mutation MoveTask($input: MoveTaskInput!) {\n    moveTask(input: $input) { task { ...TaskCardFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignTask($input: AssignTaskInput!) {\n    assignTask(input: $input) { task { ...TaskCardFields } }\n  }\n"): (typeof documents)["\n  mutation AssignTask($input: AssignTaskInput!) {\n    assignTask(input: $input) { task { ...TaskCardFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTask($input: UpdateTaskInput!) {\n    updateTask(input: $input) { task { ...TaskCardFields detail } }\n  }\n"): (typeof documents)["\n  mutation UpdateTask($input: UpdateTaskInput!) {\n    updateTask(input: $input) { task { ...TaskCardFields detail } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTask($input: CreateTaskInput!) {\n    createTask(input: $input) { task { ...TaskCardFields } }\n  }\n"): (typeof documents)["\n  mutation CreateTask($input: CreateTaskInput!) {\n    createTask(input: $input) { task { ...TaskCardFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddFollowUp($input: AddFollowUpInput!) {\n    addFollowUp(input: $input) { followUp { id body createdAt author { id name } } }\n  }\n"): (typeof documents)["\n  mutation AddFollowUp($input: AddFollowUpInput!) {\n    addFollowUp(input: $input) { followUp { id body createdAt author { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TaskBoardEvents($teamId: ID!) {\n    taskEvents(teamId: $teamId) { kind taskId status at }\n  }\n"): (typeof documents)["\n  subscription TaskBoardEvents($teamId: ID!) {\n    taskEvents(teamId: $teamId) { kind taskId status at }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;