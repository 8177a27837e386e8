import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateOf, dayNumber, dayOf, isoDay, isRealDate, mondayOf, monthEnd, weekdayOf } from './days.js';

test('day numbers count days since 1970-01-01 and come back as the same date', () => {
  assert.equal(dayOf(1970, 1, 1), 0);
  assert.equal(dayOf(2023, 4, 5), 19452);
  assert.equal(isoDay(19452), '2023-04-05');
  assert.deepEqual(dateOf(dayOf(1969, 12, 31)), [1969, 12, 31]);
  assert.equal(dayNumber('2023-04-05T10:20:00+03:30'), 19452);
});

test('weekdays, weeks and month ends', () => {
  assert.equal(weekdayOf(dayOf(2023, 4, 5)), 3); // a Wednesday
  assert.equal(isoDay(mondayOf(dayOf(2023, 4, 9))), '2023-04-03');
  assert.equal(isoDay(monthEnd(2024, 2)), '2024-02-29');
});

test('a date that is not on the calendar is no date', () => {
  assert.ok(isRealDate(2024, 2, 29));
  assert.ok(!isRealDate(2023, 2, 29));
  assert.ok(!isRealDate(2023, 4, 31));
  assert.ok(!isRealDate(2023, 13, 1));
  assert.ok(!isRealDate(50, 1, 1)); // Date.UTC reads year 50 as 1950
  assert.equal(dayNumber('2023-02-30'), null);
  assert.equal(dayNumber('5 April 2023'), null);
  assert.equal(dayNumber(null), null);
});
