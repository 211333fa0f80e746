import { cardEn } from './papers/card.en.ts';
import { cardFr } from './papers/card.fr.ts';
import { certificatesEn } from './papers/certificates.en.ts';
import { certificatesFr } from './papers/certificates.fr.ts';
import { fileEn } from './papers/file.en.ts';
import { fileFr } from './papers/file.fr.ts';
import { payslipsEn } from './papers/payslips.en.ts';
import { payslipsFr } from './papers/payslips.fr.ts';
import type { Locale } from './locales.ts';

// The agent's papers and HR's side of them: personal file, payslips, certificates and professional card.
const papersFr = { file: fileFr, payslips: payslipsFr, certificates: certificatesFr, card: cardFr };

export type PapersDictionary = typeof papersFr;

export const papersDictionaries: Record<Locale, PapersDictionary> = {
  fr: papersFr,
  en: { file: fileEn, payslips: payslipsEn, certificates: certificatesEn, card: cardEn },
};
