import { en } from './en.ts';
import { type Dictionary, fr } from './fr.ts';
import type { Locale } from './locales.ts';

export const dictionaries: Record<Locale, Dictionary> = { fr, en };
