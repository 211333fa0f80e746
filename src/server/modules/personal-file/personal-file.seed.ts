import type { Db } from '../../db/connection.ts';
import type { Keys } from '../../security/keys.ts';
import { ibanChecksumValid } from './bank-details.rules.ts';

// Demo personal files for every agent without one: deterministic (drawn from the badge number), so two
// seeds of the same organisation give the same files. Bank accounts are fake but pass the IBAN checksum.

const cities = [
  ['75011', 'Paris'], ['75019', 'Paris'], ['93100', 'Montreuil'], ['94200', 'Ivry-sur-Seine'], ['92120', 'Montrouge'], ['75014', 'Paris'],
] as const;
const streets = ['rue de la Roquette', 'avenue Jean Jaurès', 'rue des Pyrénées', 'boulevard Voltaire', 'rue de Belleville', 'rue Oberkampf'];
const birthPlaces = ['Paris (75)', 'Lyon (69)', 'Lille (59)', 'Marseille (13)', 'Créteil (94)', 'Fort-de-France (972)', 'Rennes (35)'];
const familyStatuses = ['celibataire', 'marie', 'pacse', 'concubinage', 'divorce'];
const childNames = ['Léa', 'Hugo', 'Inès', 'Nathan', 'Chloé', 'Adam'];

function frIban(seed: number): string {
  const bban = `30003${String(10000 + (seed % 89999)).padStart(5, '0')}${String(seed).padStart(11, '0')}${String(seed % 97).padStart(2, '0')}`;
  let remainder = 0;
  for (const d of `${bban}152700`) remainder = (remainder * 10 + Number(d)) % 97;
  const iban = `FR${String(98 - remainder).padStart(2, '0')}${bban}`;
  if (!ibanChecksumValid(iban)) throw new Error('seed IBAN generator is wrong');
  return iban;
}

export async function seedPersonalFiles(db: Db, keys: Keys, options: { effectiveFrom?: string } = {}): Promise<number> {
  const agents = await db
    .selectFrom('agents as a')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .leftJoin('personal_files as f', 'f.agent_id', 'a.id')
    .select(['a.id', 'a.badge_number', 'a.last_name', 'a.job_title', 'a.start_date', 'd.code'])
    .where('f.agent_id', 'is', null)
    .execute();
  for (let start = 0; start < agents.length; start += 500) {
    const batch = agents.slice(start, start + 500);
    const files = batch.map((a) => {
      const n = Number(a.badge_number);
      const [postalCode, city] = cities[n % cities.length]!;
      const partTime = n % 7 === 0;
      return {
        agent_id: a.id,
        birth_name: a.last_name.toUpperCase(),
        usage_name: n % 5 === 0 ? `${a.last_name.toUpperCase()}-DURAND` : null,
        birth_date: `${1965 + (n % 35)}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`,
        birth_place: birthPlaces[n % birthPlaces.length]!,
        address_line1: `${1 + (n % 120)} ${streets[n % streets.length]}`,
        postal_code: postalCode,
        city,
        personal_phone: `06 ${String(n % 100).padStart(2, '0')} ${String((n >> 2) % 100).padStart(2, '0')} ${String((n >> 4) % 100).padStart(2, '0')} ${String((n >> 6) % 100).padStart(2, '0')}`,
        family_status: familyStatuses[n % familyStatuses.length]!,
        echelon: 1 + (n % 11),
        index_majore: 366 + (n % 300),
        working_time_percent: partTime ? 80 : 100,
        weekly_minutes: partTime ? 1680 : 2100,
        work_cycle: partTime ? 'hebdomadaire (mercredi non travaillé)' : 'hebdomadaire',
      };
    });
    await db.insertInto('personal_files').values(files).execute();
    const children = batch.flatMap((a) => {
      const n = Number(a.badge_number);
      return Array.from({ length: n % 4 === 0 ? 0 : n % 3 }, (_, i) => ({
        agent_id: a.id,
        first_name: childNames[(n + i) % childNames.length]!,
        birth_date: `${2008 + ((n + i * 3) % 16)}-${String(1 + ((n + i) % 12)).padStart(2, '0')}-15`,
      }));
    });
    if (children.length > 0) await db.insertInto('personal_file_children').values(children).execute();
    await db
      .insertInto('career_assignments')
      .values(batch.map((a) => ({ agent_id: a.id, label: a.job_title, department_code: a.code, starts_on: a.start_date, ends_on: null })))
      .execute();
    await db
      .insertInto('bank_details')
      .values(
        batch.map((a) => {
          const iban = frIban(Number(a.badge_number));
          return {
            agent_id: a.id,
            iban_encrypted: keys.encrypt('bank-details', iban),
            bic_encrypted: keys.encrypt('bank-details', 'SOGEFRPPXXX'),
            iban_last4: iban.slice(-4),
            effective_from: options.effectiveFrom ?? a.start_date,
            created_at: new Date(`${a.start_date}T09:00:00Z`),
          };
        }),
      )
      .execute();
  }
  return agents.length;
}
