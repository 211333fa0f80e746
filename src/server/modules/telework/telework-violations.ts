import type { FieldError } from '../../http/errors.ts';
import { formatHalfDaysAsDays, type Weekday } from '../leave/rules/index.ts';
import type { TeleworkViolation } from './telework-rules.ts';

export const FRENCH_WEEKDAYS: Readonly<Record<Weekday, string>> = {
  monday: 'lundi',
  tuesday: 'mardi',
  wednesday: 'mercredi',
  thursday: 'jeudi',
  friday: 'vendredi',
  saturday: 'samedi',
  sunday: 'dimanche',
};

const days = (halfDays: number) => {
  const count = formatHalfDaysAsDays(halfDays, 'fr');
  return `${count} jour${halfDays >= 4 ? 's' : ''}`;
};

// Each broken rule, on the field the agent must change, in words they can act on; `rule` is the code the
// English page translates.
export function violationField(violation: TeleworkViolation): FieldError {
  const rule = violation.code;
  switch (violation.code) {
    case 'no_telework_requested':
      return { field: 'fixedDays', rule, message: 'Choisissez au moins un jour fixe ou un quota de jours flottants.' };
    case 'fixed_day_not_worked':
      return { field: 'fixedDays', rule, message: `Vous ne travaillez pas le ${FRENCH_WEEKDAYS[violation.weekday]} : ce jour ne peut pas être télétravaillé.` };
    case 'fixed_day_repeated':
      return { field: 'fixedDays', rule, message: `Le ${FRENCH_WEEKDAYS[violation.weekday]} est choisi deux fois.` };
    case 'invalid_floating_quota':
      return { field: 'floatingDays', rule, message: 'Le quota de jours flottants doit être un nombre entier de jours.' };
    case 'over_weekly_telework_limit':
      return {
        field: 'fixedDays',
        rule,
        message: `Vous demandez ${days(violation.requestedHalfDays)} de télétravail par semaine : ${days(violation.limitHalfDays)} au plus.`,
      };
    case 'under_weekly_on_site_minimum':
      return {
        field: 'fixedDays',
        rule,
        message: `Il vous resterait ${days(violation.onSiteHalfDays)} sur site par semaine : ${days(violation.minimumHalfDays)} au moins.`,
      };
    case 'over_monthly_telework_limit':
      return {
        field: 'floatingDays',
        rule,
        message: `Avec vos jours fixes, cela fait ${days(violation.requestedHalfDays)} de télétravail par mois : ${days(violation.limitHalfDays)} au plus.`,
      };
    case 'over_yearly_telework_limit':
      return {
        field: 'floatingDays',
        rule,
        message: `Avec vos jours fixes, cela fait ${days(violation.requestedHalfDays)} de télétravail par an : ${days(violation.limitHalfDays)} au plus.`,
      };
    case 'adaptation_period_too_long':
      return { field: 'adaptationMonths', rule, message: `La période d’adaptation dure ${violation.maxMonths} mois au plus.` };
  }
}
