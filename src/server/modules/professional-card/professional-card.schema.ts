import { z } from 'zod';
import { humanText } from '../../http/schema-helpers.ts';

export const ReplacementStage = z.enum(['declared', 'blocked', 'replacement_ordered', 'ready_to_collect', 'handed_over']);
export type ReplacementStage = z.infer<typeof ReplacementStage>;

export const LossKind = z.enum(['lost', 'stolen']).describe('lost : perdue ; stolen : volée');

export const DeclareLossBody = z
  .object({
    kind: LossKind,
    date: z.iso.date({ message: 'une date AAAA-MM-JJ' }).optional().describe('Jour de la perte ou du vol, s’il est connu'),
    comment: humanText(500).pipe(z.string().trim()).optional(),
  })
  .strict()
  .meta({ id: 'DeclareLossBody' });
export type DeclareLossBody = z.infer<typeof DeclareLossBody>;

export const ProfessionalCard = z
  .object({ number: z.string(), status: z.enum(['active', 'blocked', 'replaced']), issuedAt: z.iso.datetime(), blockedAt: z.iso.datetime().nullable() })
  .meta({ id: 'ProfessionalCard' });

export const CardReplacement = z
  .object({
    id: z.string(),
    kind: LossKind,
    lossDate: z.string().nullable(),
    comment: z.string().nullable(),
    stage: ReplacementStage,
    // Every stage in order, dated once reached: what the agent's tracker shows.
    stages: z.array(z.object({ stage: ReplacementStage, at: z.iso.datetime().nullable() })),
    newCardNumber: z.string().nullable(),
  })
  .meta({ id: 'CardReplacement' });
export type CardReplacement = z.infer<typeof CardReplacement>;

export const ProfessionalCardView = z
  .object({ card: ProfessionalCard, replacements: z.array(CardReplacement) })
  .meta({ id: 'ProfessionalCardView' });
export type ProfessionalCardView = z.infer<typeof ProfessionalCardView>;

export const AdvanceReplacementBody = z
  .object({ stage: z.enum(['replacement_ordered', 'ready_to_collect', 'handed_over']) })
  .strict()
  .meta({ id: 'AdvanceReplacementBody' });
export type AdvanceReplacementBody = z.infer<typeof AdvanceReplacementBody>;

export const OpenReplacementList = z
  .object({
    items: z.array(
      z.object({ id: z.string(), agentId: z.string(), name: z.string(), badgeNumber: z.string(), kind: LossKind, stage: ReplacementStage, declaredAt: z.iso.datetime() }),
    ),
  })
  .meta({ id: 'OpenReplacementList' });

export const IdParams = z.object({ id: z.uuid({ message: 'identifiant invalide' }) });
