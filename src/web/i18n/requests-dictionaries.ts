import type { Locale } from './locales.ts';
import { leaveEn } from './requests/leave.en.ts';
import { leaveFr } from './requests/leave.fr.ts';
import { mobilityEn } from './requests/mobility.en.ts';
import { mobilityFr } from './requests/mobility.fr.ts';
import { requestsEn } from './requests/requests.en.ts';
import { requestsFr } from './requests/requests.fr.ts';
import { teleworkEn } from './requests/telework.en.ts';
import { teleworkFr } from './requests/telework.fr.ts';
import { trainingEn } from './requests/training.en.ts';
import { trainingFr } from './requests/training.fr.ts';

// Requests and approvals: the engine's pages (my requests, inbox, delegations, notifications) and each kind's.
const requestsGroupFr = { common: requestsFr, leave: leaveFr, telework: teleworkFr, mobility: mobilityFr, training: trainingFr };

export type RequestsDictionary = typeof requestsGroupFr;

export const requestsDictionaries: Record<Locale, RequestsDictionary> = {
  fr: requestsGroupFr,
  en: { common: requestsEn, leave: leaveEn, telework: teleworkEn, mobility: mobilityEn, training: trainingEn },
};
