import type { z } from 'zod';
import type { AgentDetail, CreateAgentBody, UpdateAgentBody } from '../../../server/modules/accounts/accounts.schema.ts';

// The HR form holds strings (an empty field is ''); the API wants optional or null values. Pure functions,
// so the rules "send only what changed" and "empty clears" are tested without a browser.

export type AgentFormValues = {
  firstName: string;
  lastName: string;
  badgeNumber: string;
  email: string;
  departmentCode: string;
  serviceCode: string;
  unitId: string;
  siteId: string;
  jobProfileCode: string;
  gradeCode: string;
  jobTitle: string;
  managerBadgeNumber: string;
  professionalPhone: string;
  startDate: string;
};

export type AgentField = keyof AgentFormValues;

/** Today in Paris, as the server counts days: YYYY-MM-DD. */
export function parisToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function emptyAgentValues(departmentCode: string, startDate: string): AgentFormValues {
  return {
    firstName: '',
    lastName: '',
    badgeNumber: '',
    email: '',
    departmentCode,
    serviceCode: '',
    unitId: '',
    siteId: '',
    jobProfileCode: '',
    gradeCode: '',
    jobTitle: '',
    managerBadgeNumber: '',
    professionalPhone: '',
    startDate,
  };
}

export function agentValues(agent: z.infer<typeof AgentDetail>): AgentFormValues {
  return {
    firstName: agent.firstName,
    lastName: agent.lastName,
    badgeNumber: agent.badgeNumber,
    email: agent.email,
    departmentCode: agent.department.code,
    serviceCode: agent.service?.code ?? '',
    unitId: agent.unit?.id ?? '',
    siteId: agent.site?.id ?? '',
    jobProfileCode: agent.jobProfile.code,
    gradeCode: agent.grade?.code ?? '',
    jobTitle: agent.jobTitle,
    managerBadgeNumber: agent.manager?.badgeNumber ?? '',
    professionalPhone: agent.professionalPhone ?? '',
    startDate: agent.startDate,
  };
}

const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

export function createBody(values: AgentFormValues, reason: string): z.input<typeof CreateAgentBody> {
  return {
    badgeNumber: values.badgeNumber.trim(),
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    email: values.email.trim(),
    departmentCode: values.departmentCode,
    serviceCode: optional(values.serviceCode),
    unitId: optional(values.unitId),
    siteId: optional(values.siteId),
    jobProfileCode: values.jobProfileCode,
    gradeCode: optional(values.gradeCode),
    jobTitle: optional(values.jobTitle),
    managerBadgeNumber: optional(values.managerBadgeNumber),
    professionalPhone: optional(values.professionalPhone),
    startDate: values.startDate,
    reason: optional(reason),
  };
}

// Fields the HR page may change on an existing agent; an emptied optional field is sent as null (cleared).
const required = ['firstName', 'lastName', 'email', 'jobProfileCode', 'jobTitle'] as const;
const clearable = ['serviceCode', 'unitId', 'siteId', 'gradeCode', 'managerBadgeNumber', 'professionalPhone'] as const;

/** Only what changed, or undefined when nothing did. The start date only while the agent has not arrived. */
export function updateBody(before: AgentFormValues, after: AgentFormValues, reason: string, pending: boolean): z.input<typeof UpdateAgentBody> | undefined {
  const body: Record<string, string | null> = {};
  for (const field of required) {
    if (after[field].trim() !== before[field]) body[field] = after[field].trim();
  }
  for (const field of clearable) {
    if (after[field].trim() !== before[field]) body[field] = after[field].trim() === '' ? null : after[field].trim();
  }
  if (pending && after.startDate !== before.startDate) body.startDate = after.startDate;
  if (Object.keys(body).length === 0) return undefined;
  const trimmedReason = reason.trim();
  return { ...body, ...(trimmedReason ? { reason: trimmedReason } : {}) } as z.input<typeof UpdateAgentBody>;
}

/** The checks the browser can make before sending; the server makes them all again. */
export function missingOrMalformed(values: AgentFormValues, mode: 'create' | 'edit'): Partial<Record<AgentField, 'required' | 'badge' | 'email' | 'date'>> {
  const problems: Partial<Record<AgentField, 'required' | 'badge' | 'email' | 'date'>> = {};
  const mandatory: AgentField[] =
    mode === 'create' ? ['lastName', 'firstName', 'badgeNumber', 'email', 'departmentCode', 'jobProfileCode', 'startDate'] : ['lastName', 'firstName', 'email', 'jobProfileCode', 'jobTitle'];
  for (const field of mandatory) if (values[field].trim() === '') problems[field] = 'required';
  if (mode === 'create' && values.badgeNumber.trim() && !/^\d{7}$/.test(values.badgeNumber.trim())) problems.badgeNumber = 'badge';
  if (values.managerBadgeNumber.trim() && !/^\d{7}$/.test(values.managerBadgeNumber.trim())) problems.managerBadgeNumber = 'badge';
  if (values.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) problems.email = 'email';
  if (values.startDate && !/^\d{4}-\d{2}-\d{2}$/.test(values.startDate)) problems.startDate = 'date';
  return problems;
}
