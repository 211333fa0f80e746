import { z } from 'zod';

// Text typed by a person: no control characters (they never come from a keyboard, often from an attack).
export const humanText = (max: number) =>
  z
    .string()
    .max(max, { message: `au plus ${max} caractères` })
    .refine((value) => !/[\u0000-\u001f\u007f-\u009f]/u.test(value), { message: 'caractères de contrôle interdits' });
