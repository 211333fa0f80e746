import type { CertificateDocument } from './certificate.pdf.ts';
import type { CertificateKind, Holder } from './certificates.repo.ts';
import type { SalaryTotals } from './salary-totals.ts';

// The words of each certificate, from the holder's record as it stands at issue. Pure: tested through the PDF.

const longDay = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const longMonth = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', month: 'long', year: 'numeric' });
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** "24 novembre 2026", "1er décembre 2026". */
export function frenchDay(date: string): string {
  return longDay.format(new Date(`${date}T00:00:00Z`)).replace(/^1 /, '1er ');
}

export function frenchMonth(month: string): string {
  return longMonth.format(new Date(`${month}-01T00:00:00Z`));
}

// The standard PDF fonts have no narrow no-break space (U+202F), which fr-FR puts in amounts.
export function frenchEuros(cents: number): string {
  return euros.format(cents / 100).replace(/[\u202f\u00a0]/g, ' ');
}

export const certificateTitles: Record<CertificateKind, string> = {
  employment: 'Attestation employeur',
  salary: 'Attestation de salaire',
  departure: 'Attestation de fin de fonctions',
};

type Content = Pick<CertificateDocument, 'title' | 'statement' | 'facts' | 'closing'>;

function identityFacts(holder: Holder): [string, string][] {
  const facts: [string, string][] = [
    ['Nom et prénom', `${holder.last_name.toUpperCase()} ${holder.first_name}`],
    ['Matricule', holder.badge_number],
  ];
  if (holder.grade_name) facts.push(['Grade', `${holder.grade_name}${holder.grade_category ? ` (catégorie ${holder.grade_category})` : ''}`]);
  facts.push(['Emploi', holder.job_title]);
  facts.push(['Affectation', holder.service_name ? `${holder.department_name} — ${holder.service_name}` : holder.department_name]);
  return facts;
}

/** "temps complet, 35 h par semaine", "temps partiel à 80 %, 28 h 30 par semaine"; null without a personal file. */
export function workingTime(holder: Pick<Holder, 'working_time_percent' | 'weekly_minutes'>): string | null {
  if (holder.working_time_percent === null || holder.weekly_minutes === null) return null;
  const minutes = holder.weekly_minutes % 60;
  const hours = `${Math.floor(holder.weekly_minutes / 60)} h${minutes ? ` ${String(minutes).padStart(2, '0')}` : ''}`;
  const share = holder.working_time_percent >= 100 ? 'temps complet' : `temps partiel à ${holder.working_time_percent} %`;
  return `${share}, ${hours} par semaine`;
}

export function employmentContent(orgName: string, holder: Holder): Content {
  const facts = identityFacts(holder);
  const time = workingTime(holder);
  facts.push(['Situation', holder.status === 'pending' ? `recrutement en cours (prise de fonctions le ${frenchDay(holder.start_date)})` : 'en activité']);
  facts.push(['Date d’entrée', frenchDay(holder.start_date)]);
  // Stated only when the personal file knows it: an employer certificate must not guess.
  if (time) facts.push(['Temps de travail', time]);
  return {
    title: certificateTitles.employment,
    statement: [`L’employeur ${orgName} atteste que l’agent désigné ci-dessous est employé par la collectivité depuis le ${frenchDay(holder.start_date)}.`],
    facts,
    closing: 'La présente attestation est délivrée à l’intéressé(e) pour servir et valoir ce que de droit.',
  };
}

export function salaryContent(orgName: string, holder: Holder, from: string, to: string, totals: SalaryTotals): Content {
  const period = from === to ? frenchMonth(from) : `de ${frenchMonth(from)} à ${frenchMonth(to)}`;
  return {
    title: certificateTitles.salary,
    statement: [`L’employeur ${orgName} atteste avoir versé à l’agent désigné ci-dessous les rémunérations suivantes, ${period}.`],
    facts: [
      ...identityFacts(holder),
      ['Période', period],
      ['Bulletins de paie', String(totals.payslips)],
      ['Rémunération brute', frenchEuros(totals.grossCents)],
      ['Net imposable', frenchEuros(totals.netTaxableCents)],
      ['Net payé', frenchEuros(totals.netPaidCents)],
    ],
    closing: 'Montants établis d’après les bulletins de paie de la période. La présente attestation est délivrée pour servir et valoir ce que de droit.',
  };
}

export function departureContent(orgName: string, holder: Holder): Content {
  const until = holder.departure_date ? frenchDay(holder.departure_date) : null;
  return {
    title: certificateTitles.departure,
    statement: [
      `L’employeur ${orgName} atteste que l’agent désigné ci-dessous a exercé ses fonctions au sein de la collectivité du ${frenchDay(holder.start_date)}${
        until ? ` au ${until}` : ''
      }, date à laquelle il a cessé ses fonctions.`,
    ],
    facts: [...identityFacts(holder), ['Date d’entrée', frenchDay(holder.start_date)], ...(until ? [['Date de fin de fonctions', until] as [string, string]] : [])],
    closing: 'La présente attestation est délivrée à l’intéressé(e) pour servir et valoir ce que de droit.',
  };
}
