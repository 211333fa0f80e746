import { adminEn } from './admin.en.ts';
import { type AdminDictionary, adminFr } from './admin.fr.ts';
import type { Locale } from './locales.ts';

export type { AdminDictionary };

export const adminDictionaries: Record<Locale, AdminDictionary> = { fr: adminFr, en: adminEn };
