import type { TrainingDictionary } from './training.fr.ts';

export const trainingEn: TrainingDictionary = {
  title: 'Training',
};
