// The leave rules this city applies. The configuration has no leave section yet, so every city gets the
// national defaults (DEFAULT_LEAVE_RULES: public holidays of metropolitan France, Whit Monday off); a city's
// deliberation will override them here, from ctx.config, value by value.
import type { AppContext } from '../../app-context.ts';
import type { LeaveRulesConfig } from './rules/index.ts';
import { leaveRules } from './rules/index.ts';

// The issue fixes the CET option threshold at 20 days, as many cities kept it by deliberation; the rules'
// default is 15 (décret 2018-1305). The deposit condition (20 days of leave taken) and the 60-day cap agree.
const CITY_RULES = leaveRules({ cetOptionThresholdDays: 20 });

/** Where the rules are read from: the app's context, or nothing (the demo seed) for the defaults. */
export type RulesSource = { readonly config?: AppContext['config'] };

export function leaveRulesOf(_source: RulesSource): LeaveRulesConfig {
  return CITY_RULES;
}

export const REQUESTABLE_TYPES = ['annual_leave', 'rtt', 'cet', 'special_absence'] as const;
export type RequestableType = (typeof REQUESTABLE_TYPES)[number];
export const BALANCE_TYPES = ['annual_leave', 'rtt', 'cet'] as const;
export type BalanceType = (typeof BALANCE_TYPES)[number];

/** How many days before today a request may start: leave is asked ahead; a family event is proved after it. */
export const MAX_DAYS_IN_PAST: Readonly<Record<RequestableType, number>> = { annual_leave: 0, rtt: 0, cet: 0, special_absence: 30 };

export function hasBalance(type: RequestableType): type is BalanceType {
  return type !== 'special_absence';
}
