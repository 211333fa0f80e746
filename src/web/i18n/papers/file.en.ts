import type { FileDictionary } from './file.fr.ts';

export const fileEn: FileDictionary = {
  title: 'My file',
};
