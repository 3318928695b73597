/** Alerts (issue 16): rules, evaluation, history. Delivery (outbox, SMTP, webhooks) is lib/delivery. */
export * from './definitions';
export { workspaceRuleBody, platformRuleBody, workspaceRulePatch, platformRulePatch } from './schema';
export { evaluateAlertRules, type EvaluationSummary } from './evaluate';
export { measureRule, costChange } from './measure';
export { createRule, updateRule, deleteRule, listRules, findRule, type RuleJson } from './rules';
export { listAlertHistory, countFiring, listDeliveries } from './history';
export { queueTestNotice } from './test-send';
export { ALERTS_JOB, runAlertsJob } from './job';
