import { scale } from './pay-scales.ts';
import type { LineCode, PayElements, PayLine, PayslipFigures } from './pay-rules.ts';
import type { Rate } from './pay-scales.ts';

// Each payslip line in the words of a payslip, with how it was computed ("indice majoré 420 × 4,92278 €").
// Plain spaces as thousands separators: the PDF's standard fonts have no narrow no-break space.

export const lineLabels: Record<LineCode, string> = {
  traitement: 'Traitement indiciaire brut',
  nbi: 'Nouvelle bonification indiciaire (NBI)',
  residence: 'Indemnité de résidence',
  sft: 'Supplément familial de traitement',
  ifse: 'IFSE (RIFSEEP)',
  cnracl: 'Retenue pour pension CNRACL',
  rafp: 'Retraite additionnelle de la fonction publique (RAFP)',
  csg_deductible: 'CSG déductible',
  csg_non_deductible: 'CSG non déductible',
  crds: 'CRDS',
  income_tax: 'Impôt sur le revenu prélevé à la source',
  employer_cnracl: 'Contribution employeur CNRACL',
  employer_rafp: 'Contribution employeur RAFP',
  employer_sickness: 'Assurance maladie (employeur)',
  employer_family: 'Allocations familiales (employeur)',
  employer_csa: 'Contribution solidarité autonomie',
  employer_fnal: 'FNAL',
  employer_cnfpt: 'Cotisation CNFPT',
};

export function euros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${whole},${String(abs % 100).padStart(2, '0')} €`;
}

export function percent(r: Rate): string {
  const value = (r.num * 100) / r.den;
  const text = Number.isInteger(value) ? String(value) : value.toFixed(2);
  return `${text.replace('.', ',')} %`;
}

/** Monthly value of one index point, as payslips print it (5 decimals). */
export function pointValue(annualCentsFor100: number): string {
  return `${(annualCentsFor100 / 120_000).toFixed(5).replace('.', ',')} €`;
}

function fractionText(f: Rate, workTimePercent: number): string {
  return f.num === f.den ? '' : ` × ${f.num}/${f.den} (temps partiel ${workTimePercent} %)`;
}

export function explainLine(line: PayLine, figures: PayslipFigures, e: PayElements): string {
  const point = pointValue(figures.pointValueAnnualCents);
  const part = fractionText(figures.payFraction, e.workTimePercent);
  const amount = euros(line.amountCents);
  const ofBase = (what: string) => `${line.rate ? percent(line.rate) : ''} de ${euros(line.baseCents ?? 0)} (${what}) = ${amount}`;
  switch (line.code) {
    case 'traitement':
      return `traitement indiciaire = indice majoré ${e.indexMajore} × ${point}${part} = ${amount}`;
    case 'nbi':
      return `NBI = ${e.nbiPoints} points × ${point}${part} = ${amount}`;
    case 'residence':
      return `indemnité de résidence = ${ofBase(`traitement + NBI, zone ${e.residenceZone}`)}`;
    case 'sft': {
      const index = Math.min(Math.max(e.indexMajore + e.nbiPoints, scale.sft.floorIndex), scale.sft.ceilingIndex);
      return e.children === 1
        ? `supplément familial = part fixe pour 1 enfant = ${amount}`
        : `supplément familial pour ${e.children} enfants = part fixe + part proportionnelle au traitement de l’indice ${index} (entre ${scale.sft.floorIndex} et ${scale.sft.ceilingIndex})${part} = ${amount}`;
    }
    case 'ifse':
      return `IFSE = montant mensuel ${euros(e.ifseMonthlyCents)}${part} = ${amount}`;
    case 'cnracl':
    case 'employer_cnracl':
    case 'employer_sickness':
      return ofBase('traitement + NBI');
    case 'rafp':
    case 'employer_rafp':
      return ofBase('primes et indemnités, plafonnées à 20 % du traitement');
    case 'csg_deductible':
    case 'csg_non_deductible':
    case 'crds':
      return ofBase('98,25 % du brut');
    case 'income_tax':
      return `taux transmis par l’administration fiscale ${ofBase('net imposable')}`;
    default:
      return ofBase('brut');
  }
}
