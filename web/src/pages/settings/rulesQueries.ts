import { graphql } from '../../gql';

/**
 * 月度目标: a month's targets (the team's and everyone's, MONTH and DAY), the catalogue (units),
 * the scorecards (which of a role's metrics are scored against a target) and the team's people.
 */
export const TargetsQuery = graphql(`
  query SettingsTargets($teamId: ID!, $month: Month!) {
    targets(teamId: $teamId, month: $month) { metric staffId period startsOn value }
    metricCatalogue { metric name label unit }
    kpiLibrary(teamId: $teamId) { code role metric basis method target }
    staff(first: 100, filter: { teamId: $teamId, active: true }) {
      nodes { id name role }
    }
  }
`);

export const SetTargetsMutation = graphql(`
  mutation SetTargets($input: SetTargetsInput!) {
    setTargets(input: $input) { targets { metric staffId period startsOn value } }
  }
`);

// Spread by the documents below.
graphql(`
  fragment ThresholdFields on Threshold { key value defaultValue isDefault }
`);

/** 诊断阈值: every threshold, its value in force and §5's default. */
export const ThresholdsQuery = graphql(`
  query SettingsThresholds($teamId: ID!) {
    diagnosisThresholds(teamId: $teamId) { ...ThresholdFields }
  }
`);

export const SetThresholdsMutation = graphql(`
  mutation SetDiagnosisThresholds($input: SetDiagnosisThresholdsInput!) {
    setDiagnosisThresholds(input: $input) { thresholds { ...ThresholdFields } }
  }
`);

// Spread by the documents below.
graphql(`
  fragment KpiFields on KpiDefinition {
    code role metric basis direction method weight
    tiers { threshold score }
    worst best target value cap
  }
`);

/** KPI 考核表: one role's scorecard, the team's forced distribution, and the catalogue. */
export const KpisQuery = graphql(`
  query SettingsKpis($teamId: ID!, $role: StaffRole!) {
    kpiLibrary(teamId: $teamId, role: $role) { ...KpiFields }
    forcedDistribution(teamId: $teamId) { grade max }
    metricCatalogue { metric name label unit direction }
  }
`);

export const SetRoleKpisMutation = graphql(`
  mutation SetRoleKpis($input: SetRoleKpisInput!) {
    setRoleKpis(input: $input) { kpis { ...KpiFields } }
  }
`);

export const SetForcedDistributionMutation = graphql(`
  mutation SetForcedDistribution($input: SetForcedDistributionInput!) {
    setForcedDistribution(input: $input) { quotas { grade max } }
  }
`);

// Spread by the documents below.
graphql(`
  fragment BonusPlanFields on BonusPlan {
    role isDefault updatedAt
    rules {
      code kind
      params {
        __typename
        ... on GradeBonus { base coefficients { s a b c d } }
        ... on ScoreBonus { base }
        ... on Commission { commissionMetric: metric rate tiers { completion rate } }
        ... on PerUnitOverThreshold { amount threshold }
        ... on TeamRelative { pool relativeMetric: metric }
      }
    }
  }
`);

/** 奖金方案: every role's plan, its own or the default, and the catalogue's names of the metrics paid on. */
export const BonusPlansQuery = graphql(`
  query SettingsBonusPlans($teamId: ID!) {
    bonusPlans(teamId: $teamId) { ...BonusPlanFields }
    metricCatalogue { metric name label }
  }
`);

export const SetBonusPlanMutation = graphql(`
  mutation SetBonusPlan($input: SetBonusPlanInput!) {
    setBonusPlan(input: $input) { plan { ...BonusPlanFields } }
  }
`);

export const ResetBonusPlanMutation = graphql(`
  mutation ResetBonusPlan($input: ResetBonusPlanInput!) {
    resetBonusPlan(input: $input) { plan { ...BonusPlanFields } }
  }
`);
