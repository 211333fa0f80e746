import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addDays, addMonths, calendarDaysFromTo, isIsoDate, weekdayOf } from './calendar-days.ts';
import { formatHalfDaysAsDays } from './half-days.ts';
import { leaveRules } from './leave-rules-config.ts';
import { easterSunday, isPublicHoliday, publicHolidays } from './public-holidays.ts';

describe('calendar days', () => {
  test('refuses dates that do not exist or are not written YYYY-MM-DD', () => {
    assert.equal(isIsoDate('2028-02-29'), true);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-04-31', '26-04-01', '2026-4-1', '', '2026-04-01T00:00']) {
      assert.equal(isIsoDate(bad), false, bad);
    }
  });

  test('knows the day of the week, across years and leap days', () => {
    assert.equal(weekdayOf('2026-05-14'), 'thursday');
    assert.equal(weekdayOf('1970-01-01'), 'thursday');
    assert.equal(weekdayOf('2024-02-29'), 'thursday');
    assert.equal(addDays('2024-02-28', 2), '2024-03-01');
  });

  test('a month later is the same day, or the last day of a shorter month', () => {
    assert.equal(addMonths('2026-01-15', 1), '2026-02-15');
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonths('2028-01-31', 1), '2028-02-29');
    assert.equal(addMonths('2026-11-30', 3), '2027-02-28');
    assert.equal(addMonths('2026-03-31', -1), '2026-02-28');
  });

  test('counts calendar days with both ends included', () => {
    assert.equal(calendarDaysFromTo('2026-07-01', '2026-07-31'), 31);
    assert.equal(calendarDaysFromTo('2026-07-01', '2026-07-01'), 1);
  });

  test('shows half-days as days in the reader’s language', () => {
    assert.equal(formatHalfDaysAsDays(25, 'fr-FR'), '12,5');
    assert.equal(formatHalfDaysAsDays(25, 'en-GB'), '12.5');
    assert.equal(formatHalfDaysAsDays(50, 'fr-FR'), '25');
  });
});

describe('public holidays of France', () => {
  test('finds Easter Sunday by the anonymous Gregorian algorithm', () => {
    assert.equal(easterSunday(2024), '2024-03-31');
    assert.equal(easterSunday(2025), '2025-04-20');
    assert.equal(easterSunday(2026), '2026-04-05');
    assert.equal(easterSunday(2027), '2027-03-28');
    assert.equal(easterSunday(2038), '2038-04-25');
    assert.equal(easterSunday(2285), '2285-03-22');
  });

  test('lists the eleven public holidays of 2026 in date order', () => {
    assert.deepEqual(publicHolidays(2026), [
      { date: '2026-01-01', name: 'new_year' },
      { date: '2026-04-06', name: 'easter_monday' },
      { date: '2026-05-01', name: 'labour_day' },
      { date: '2026-05-08', name: 'victory_in_europe' },
      { date: '2026-05-14', name: 'ascension' },
      { date: '2026-05-25', name: 'whit_monday' },
      { date: '2026-07-14', name: 'bastille_day' },
      { date: '2026-08-15', name: 'assumption' },
      { date: '2026-11-01', name: 'all_saints' },
      { date: '2026-11-11', name: 'armistice' },
      { date: '2026-12-25', name: 'christmas' },
    ]);
  });

  test('a city that works Whit Monday as its solidarity day does not get it off', () => {
    const solidarityMonday = leaveRules({ whitMondayIsPublicHoliday: false });
    assert.equal(isPublicHoliday('2026-05-25'), true);
    assert.equal(isPublicHoliday('2026-05-25', solidarityMonday), false);
    assert.equal(publicHolidays(2026, solidarityMonday).length, 10);
  });

  test('Alsace-Moselle adds Good Friday and 26 December', () => {
    const alsace = leaveRules({ alsaceMoselleHolidays: true });
    assert.equal(isPublicHoliday('2026-04-03', alsace), true);
    assert.equal(isPublicHoliday('2026-12-26', alsace), true);
    assert.equal(isPublicHoliday('2026-04-03'), false);
    assert.equal(isPublicHoliday('2026-12-26'), false);
  });
});
