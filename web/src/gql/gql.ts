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
    "\n  query Board($teamId: ID!, $today: Date!, $yesterday: Date!, $canManage: Boolean!) {\n    dailyBoard(teamId: $teamId, day: $today) {\n      day\n      diagnosis {\n        id\n        date\n        ranAt\n        findings {\n          id\n          code\n          severity\n          metric\n          observed\n          expected\n          comparison\n          ownerRole\n          ownerStaff { id name }\n          message\n          suggestedAction\n          current\n        }\n        skipped { code reason }\n      }\n      findingCounts { severity count }\n      tasksByRole {\n        role\n        total\n        byStatus { status count }\n        tasks {\n          id\n          title\n          status\n          priority\n          overdue\n          dueAt\n          assignee { id name }\n          finding { id }\n        }\n      }\n      overdueCount\n      completionRate\n      awaitingVerification {\n        id\n        title\n        role\n        status\n        completedAt\n        assignee { id name }\n        verification { metric raisedOn raisedValue measuredOn measuredValue stillFiring }\n      }\n    }\n    daySummary(teamId: $teamId, date: $yesterday) {\n      date\n      day { paidAmount visitors days }\n      comparisons {\n        basis\n        changes { metric value base changePct }\n        gmvSplit { gmvChange trafficShare conversionShare aovShare }\n      }\n    }\n    metricCatalogue { metric name unit places direction }\n    staff(first: 100, filter: { teamId: $teamId, active: true }) @include(if: $canManage) {\n      nodes { id name role }\n    }\n  }\n": typeof types.BoardDocument,
    "\n  mutation MakeTasks($input: CreateTasksFromDiagnosisInput!) {\n    createTasksFromDiagnosis(input: $input) {\n      tasks { id title role priority dueAt assignee { id name } finding { id } }\n    }\n  }\n": typeof types.MakeTasksDocument,
    "\n  mutation RunDiagnosis($input: RunDiagnosisInput!) {\n    runDiagnosis(input: $input) {\n      diagnosis { id date findings { id } }\n    }\n  }\n": typeof types.RunDiagnosisDocument,
    "\n  subscription BoardTaskEvents($teamId: ID!) {\n    taskEvents(teamId: $teamId) { kind taskId status at }\n  }\n": typeof types.BoardTaskEventsDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      staff { id name access }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query Trends($teamId: ID!, $from: Date!, $to: Date!, $granularity: Granularity!) {\n    shopMetrics(teamId: $teamId, from: $from, to: $to, granularity: $granularity) {\n      periodStart\n      periodEnd\n      days\n      visitors\n      paidBuyers\n      paidAmount\n      conversionRate\n      aov\n      bounceRate\n      visitDepth\n      favCartRate\n      refundRate\n      uvValue\n      adSpend\n      adRoi\n      netProfit\n    }\n    metricCatalogue { metric name unit places direction isSum }\n  }\n": typeof types.TrendsDocument,
    "\n  query TrendTargets($teamId: ID!, $month: Month!) {\n    targets(teamId: $teamId, month: $month) { metric staffId period startsOn value }\n  }\n": typeof types.TrendTargetsDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      id\n      name\n      access\n      role\n      team { id name timeZone }\n    }\n    teams(first: 100) {\n      nodes { id name timeZone active }\n    }\n  }\n": types.MeDocument,
    "\n  query Board($teamId: ID!, $today: Date!, $yesterday: Date!, $canManage: Boolean!) {\n    dailyBoard(teamId: $teamId, day: $today) {\n      day\n      diagnosis {\n        id\n        date\n        ranAt\n        findings {\n          id\n          code\n          severity\n          metric\n          observed\n          expected\n          comparison\n          ownerRole\n          ownerStaff { id name }\n          message\n          suggestedAction\n          current\n        }\n        skipped { code reason }\n      }\n      findingCounts { severity count }\n      tasksByRole {\n        role\n        total\n        byStatus { status count }\n        tasks {\n          id\n          title\n          status\n          priority\n          overdue\n          dueAt\n          assignee { id name }\n          finding { id }\n        }\n      }\n      overdueCount\n      completionRate\n      awaitingVerification {\n        id\n        title\n        role\n        status\n        completedAt\n        assignee { id name }\n        verification { metric raisedOn raisedValue measuredOn measuredValue stillFiring }\n      }\n    }\n    daySummary(teamId: $teamId, date: $yesterday) {\n      date\n      day { paidAmount visitors days }\n      comparisons {\n        basis\n        changes { metric value base changePct }\n        gmvSplit { gmvChange trafficShare conversionShare aovShare }\n      }\n    }\n    metricCatalogue { metric name unit places direction }\n    staff(first: 100, filter: { teamId: $teamId, active: true }) @include(if: $canManage) {\n      nodes { id name role }\n    }\n  }\n": types.BoardDocument,
    "\n  mutation MakeTasks($input: CreateTasksFromDiagnosisInput!) {\n    createTasksFromDiagnosis(input: $input) {\n      tasks { id title role priority dueAt assignee { id name } finding { id } }\n    }\n  }\n": types.MakeTasksDocument,
    "\n  mutation RunDiagnosis($input: RunDiagnosisInput!) {\n    runDiagnosis(input: $input) {\n      diagnosis { id date findings { id } }\n    }\n  }\n": types.RunDiagnosisDocument,
    "\n  subscription BoardTaskEvents($teamId: ID!) {\n    taskEvents(teamId: $teamId) { kind taskId status at }\n  }\n": types.BoardTaskEventsDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      expiresAt\n      staff { id name access }\n    }\n  }\n": types.LoginDocument,
    "\n  query Trends($teamId: ID!, $from: Date!, $to: Date!, $granularity: Granularity!) {\n    shopMetrics(teamId: $teamId, from: $from, to: $to, granularity: $granularity) {\n      periodStart\n      periodEnd\n      days\n      visitors\n      paidBuyers\n      paidAmount\n      conversionRate\n      aov\n      bounceRate\n      visitDepth\n      favCartRate\n      refundRate\n      uvValue\n      adSpend\n      adRoi\n      netProfit\n    }\n    metricCatalogue { metric name unit places direction isSum }\n  }\n": types.TrendsDocument,
    "\n  query TrendTargets($teamId: ID!, $month: Month!) {\n    targets(teamId: $teamId, month: $month) { metric staffId period startsOn value }\n  }\n": types.TrendTargetsDocument,
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
export function graphql(source: "\n  query Board($teamId: ID!, $today: Date!, $yesterday: Date!, $canManage: Boolean!) {\n    dailyBoard(teamId: $teamId, day: $today) {\n      day\n      diagnosis {\n        id\n        date\n        ranAt\n        findings {\n          id\n          code\n          severity\n          metric\n          observed\n          expected\n          comparison\n          ownerRole\n          ownerStaff { id name }\n          message\n          suggestedAction\n          current\n        }\n        skipped { code reason }\n      }\n      findingCounts { severity count }\n      tasksByRole {\n        role\n        total\n        byStatus { status count }\n        tasks {\n          id\n          title\n          status\n          priority\n          overdue\n          dueAt\n          assignee { id name }\n          finding { id }\n        }\n      }\n      overdueCount\n      completionRate\n      awaitingVerification {\n        id\n        title\n        role\n        status\n        completedAt\n        assignee { id name }\n        verification { metric raisedOn raisedValue measuredOn measuredValue stillFiring }\n      }\n    }\n    daySummary(teamId: $teamId, date: $yesterday) {\n      date\n      day { paidAmount visitors days }\n      comparisons {\n        basis\n        changes { metric value base changePct }\n        gmvSplit { gmvChange trafficShare conversionShare aovShare }\n      }\n    }\n    metricCatalogue { metric name unit places direction }\n    staff(first: 100, filter: { teamId: $teamId, active: true }) @include(if: $canManage) {\n      nodes { id name role }\n    }\n  }\n"): (typeof documents)["\n  query Board($teamId: ID!, $today: Date!, $yesterday: Date!, $canManage: Boolean!) {\n    dailyBoard(teamId: $teamId, day: $today) {\n      day\n      diagnosis {\n        id\n        date\n        ranAt\n        findings {\n          id\n          code\n          severity\n          metric\n          observed\n          expected\n          comparison\n          ownerRole\n          ownerStaff { id name }\n          message\n          suggestedAction\n          current\n        }\n        skipped { code reason }\n      }\n      findingCounts { severity count }\n      tasksByRole {\n        role\n        total\n        byStatus { status count }\n        tasks {\n          id\n          title\n          status\n          priority\n          overdue\n          dueAt\n          assignee { id name }\n          finding { id }\n        }\n      }\n      overdueCount\n      completionRate\n      awaitingVerification {\n        id\n        title\n        role\n        status\n        completedAt\n        assignee { id name }\n        verification { metric raisedOn raisedValue measuredOn measuredValue stillFiring }\n      }\n    }\n    daySummary(teamId: $teamId, date: $yesterday) {\n      date\n      day { paidAmount visitors days }\n      comparisons {\n        basis\n        changes { metric value base changePct }\n        gmvSplit { gmvChange trafficShare conversionShare aovShare }\n      }\n    }\n    metricCatalogue { metric name unit places direction }\n    staff(first: 100, filter: { teamId: $teamId, active: true }) @include(if: $canManage) {\n      nodes { id name role }\n    }\n  }\n"];
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
export function graphql(source: "\n  subscription BoardTaskEvents($teamId: ID!) {\n    taskEvents(teamId: $teamId) { kind taskId status at }\n  }\n"): (typeof documents)["\n  subscription BoardTaskEvents($teamId: ID!) {\n    taskEvents(teamId: $teamId) { kind taskId status at }\n  }\n"];
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

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;