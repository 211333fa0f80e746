// The training pages. French is the reference: its shape is the type the English must match.
export const trainingFr = {
  title: 'Formation',
};

export type TrainingDictionary = typeof trainingFr;
