import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../doc.js';
import { tokens } from '../tokens/index.js';
import { dates, timesInSentence, datelineTime, loadCues, NO_PUBLICATION_DATE } from './index.js';

// 2023-04-05 is a Wednesday.
const WED = '2023-04-05';

function run(text: string, published: string | null = WED): Doc {
  const doc = new Doc(text, { published });
  tokens.run(doc);
  dates.run(doc);
  return doc;
}

/** Each time as "mention start..end precision [BG] [FUT]". */
function times(text: string, published: string | null = WED): string[] {
  const doc = run(text, published);
  return doc.times.map((t) => {
    const words = doc.text.slice(t.mention.start, t.mention.end);
    return `${words} ${t.start}..${t.end} ${t.precision}${t.background ? ' BG' : ''}${t.future ? ' FUT' : ''}`;
  });
}

const one = (text: string, published: string | null = WED) => {
  const ts = times(text, published);
  assert.equal(ts.length, 1, `one time in "${text}", got ${JSON.stringify(ts)}`);
  return ts[0];
};

test('past bias: a weekday, a month or a day without a year is the most recent one', () => {
  assert.equal(one('Qalandari spoke in Tehran on Tuesday.'), 'Tuesday 2023-04-04..2023-04-04 day');
  assert.equal(one('The missile was launched early on Tuesday.'), 'early on Tuesday 2023-04-04..2023-04-04 day');
  // Thursday is tomorrow, but the report speaks of last Thursday.
  assert.equal(one('He spoke on Thursday.'), 'Thursday 2023-03-30..2023-03-30 day');
  assert.equal(one('Israel struck Syria on Wednesday.'), 'Wednesday 2023-04-05..2023-04-05 day');
  assert.equal(one('In February, officials reached an agreement.'), 'February 2023-02-01..2023-02-28 month');
  assert.equal(one('In May, officials reached an agreement.'), 'May 2022-05-01..2022-05-31 month BG');
  assert.equal(one('The strike on March 30 killed two.'), 'March 30 2023-03-30..2023-03-30 day');
  assert.equal(one('Fighting since the October 7 attack.', '2024-03-05'), 'October 7 2023-10-07..2023-10-07 day BG');
});

test('direction words before a name: last April, next Friday', () => {
  assert.equal(one('They met last April.'), 'last April 2022-04-01..2022-04-30 month BG');
  assert.equal(one('They met last Tuesday.'), 'last Tuesday 2023-04-04..2023-04-04 day');
  assert.equal(one('They meet next Friday.'), 'next Friday 2023-04-07..2023-04-07 day FUT');
  assert.equal(one('Talks were held in April last year.'), 'April last year 2022-04-01..2022-04-30 month BG');
});

test('precision follows the expression', () => {
  assert.equal(one('Attacks rose since they reconciled last month.'), 'last month 2023-03-01..2023-03-31 month');
  assert.equal(one('In July 2020, Iran and Syria agreed.'), 'July 2020 2020-07-01..2020-07-31 month BG');
  assert.equal(one('In 2017, the advisers arrived.'), '2017 2017-01-01..2017-12-31 year BG');
  assert.equal(one('Militancy erupted in Syria in early 2011.'), 'early 2011 2011-01-01..2011-12-31 year BG');
  assert.equal(one('It happened last week.'), 'last week 2023-03-27..2023-04-02 week');
  assert.equal(one('It happened two days ago.'), 'two days ago 2023-04-03..2023-04-03 day');
  assert.equal(one('It happened three weeks ago.'), 'three weeks ago 2023-03-13..2023-03-19 week');
  assert.equal(one('It happened yesterday.'), 'yesterday 2023-04-04..2023-04-04 day');
  assert.equal(one('This year has been hard.'), 'This year 2023-01-01..2023-12-31 year');
  assert.equal(one('It happened late last month.'), 'late last month 2023-03-01..2023-03-31 month');
  assert.equal(one('He arrived on 4 April 2023.'), '4 April 2023 2023-04-04..2023-04-04 day');
  assert.equal(one('He arrived on Tuesday, April 4, 2023.'), 'Tuesday, April 4, 2023 2023-04-04..2023-04-04 day');
  assert.equal(one('He arrived on 2023-04-04.'), '2023-04-04 2023-04-04..2023-04-04 day');
});

test('ranges and stretches', () => {
  assert.equal(one('Talks ran April 4-6.'), 'April 4-6 2023-04-04..2023-04-06 day');
  assert.equal(one('It was occupied from 2011 to 2013.'), '2011 to 2013 2011-01-01..2013-12-31 year BG');
  assert.equal(one('Between 2014 and 2017, ISIS held Mosul.'), '2014 and 2017 2014-01-01..2017-12-31 year BG');
  assert.deepEqual(times('At least 1,500 people died in 2022 and 2023.'), [
    '2022 2022-01-01..2022-12-31 year BG',
    '2023 2023-01-01..2023-12-31 year',
  ]);
  assert.equal(one('It was built in mid-2019.'), 'mid-2019 2019-01-01..2019-12-31 year BG');
  assert.equal(one('It was built in the 1990s.'), '1990s 1990-01-01..1999-12-31 year BG');
  assert.equal(one('Strikes rose over the past week.'), 'past week 2023-03-29..2023-04-05 week');
  assert.equal(one('Strikes rose in the past few days.'), 'past few days 2023-04-02..2023-04-05 day');
  assert.equal(one('Five died in the last 24 hours.'), 'last 24 hours 2023-04-04..2023-04-05 day');
  assert.equal(one('Fighting went on over the weekend.'), 'weekend 2023-04-01..2023-04-02 week');
});

test('parts of a day count only with a direction word', () => {
  assert.equal(one('He arrived last night.'), 'last night 2023-04-04..2023-04-04 day');
  assert.equal(one('He spoke this morning.'), 'this morning 2023-04-05..2023-04-05 day');
  assert.deepEqual(times('Shelling resumed in the morning.'), []);
});

test('"the evening of 3 April" is that day, not the month: the date after "of" is kept', () => {
  assert.equal(one('Gunmen abducted him on the evening of 3 April.'), 'evening of 3 April 2023-04-03..2023-04-03 day');
  assert.equal(one('Fighters attacked the post on the morning of March 30.'), 'morning of March 30 2023-03-30..2023-03-30 day');
  assert.equal(one('The town was shelled on the night of 2 February 2022.'), 'night of 2 February 2022 2022-02-02..2022-02-02 day BG');
});

test('background: an end more than background_days before publication', () => {
  const days = loadCues().backgroundDays;
  const day = (n: number) => new Date(Date.UTC(2023, 3, 5) - n * 86_400_000).toISOString().slice(0, 10);
  const at = (n: number) => {
    const d = new Date(Date.UTC(2023, 3, 5) - n * 86_400_000);
    const month = d.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
    return `${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`;
  };
  assert.equal(one(`It began on ${at(days)}.`), `${at(days)} ${day(days)}..${day(days)} day`);
  assert.equal(one(`It began on ${at(days + 1)}.`), `${at(days + 1)} ${day(days + 1)}..${day(days + 1)} day BG`);
  assert.equal(one('The embargo was lifted in 2020, he said.'), '2020 2020-01-01..2020-12-31 year BG');
  assert.equal(one('Israel has struck since 2011.'), '2011 2011-01-01..2011-12-31 year BG');
});

test('vague expressions have no dates; long past stretches are background', () => {
  assert.equal(one('Over the last decades, Iran has been a pioneer.'), 'last decades null..null unknown BG');
  assert.equal(one('In recent years, attacks grew.'), 'recent years null..null unknown BG');
  assert.equal(one('Israel has struck Syria for decades.'), 'for decades null..null unknown BG');
  assert.equal(one('In recent days, attacks grew.'), 'recent days null..null unknown');
  assert.equal(one('Iran has recently unveiled a missile.'), 'recently null..null unknown');
  assert.equal(one('Talks will resume soon.'), 'soon null..null unknown FUT');
  assert.equal(one('More strikes are feared in the coming days.'), 'coming days null..null unknown FUT');
});

test('future: the words or the clause point forward, and resolution follows', () => {
  assert.equal(one('He will visit Damascus next week.'), 'next week 2023-04-10..2023-04-16 week FUT');
  assert.equal(one('They meet tomorrow.'), 'tomorrow 2023-04-06..2023-04-06 day FUT');
  assert.equal(one('He will visit Damascus on Friday.'), 'Friday 2023-04-07..2023-04-07 day FUT');
  assert.equal(one('On Friday, Israel will attack.'), 'Friday 2023-04-07..2023-04-07 day FUT');
  assert.equal(one('Iran is going to respond on Monday.'), 'Monday 2023-04-10..2023-04-10 day FUT');
  assert.equal(one('Elections will be held in February.'), 'February 2024-02-01..2024-02-29 month FUT');
  assert.equal(one('Talks are scheduled for April 10.'), 'April 10 2023-04-10..2023-04-10 day FUT');
  assert.equal(one('He will return in two years.'), 'two years 2025-01-01..2025-12-31 year FUT');
  assert.equal(one('Aid is due to arrive in the next two weeks.'), 'next two weeks 2023-04-05..2023-04-19 week FUT');
  // The future verb is in another clause: the fronted day belongs to "said".
  assert.equal(one('On Tuesday, he said Iran will respond.'), 'Tuesday 2023-04-04..2023-04-04 day');
});

test('without a publication date: relative left unresolved, absolute resolved, one warning', () => {
  const doc = run('On Tuesday, last month and in February, and in July 2020 and on 4 April 2023, and in 2017.', null);
  const got = doc.times.map((t) => `${doc.text.slice(t.mention.start, t.mention.end)} ${t.start}..${t.end} ${t.precision}${t.background ? ' BG' : ''}`);
  assert.deepEqual(got, [
    'Tuesday null..null unknown',
    'last month null..null unknown',
    'February null..null unknown',
    // background is judged against the latest explicit date the article gives (4 April 2023)
    'July 2020 2020-07-01..2020-07-31 month BG',
    '4 April 2023 2023-04-04..2023-04-04 day',
    '2017 2017-01-01..2017-12-31 year BG',
  ]);
  dates.run(doc);
  assert.deepEqual(doc.warnings, [NO_PUBLICATION_DATE]);
  assert.deepEqual(run('In 2017, it began.', WED).warnings, []);
});

test('a publication datetime is read on its own calendar day', () => {
  assert.equal(one('He spoke yesterday.', '2023-04-05T23:30:00-05:00'), 'yesterday 2023-04-04..2023-04-04 day');
});

test('non-dates: model names, distances, counts, names, verbs', () => {
  const none = [
    'The missile, called “Sayyad 4B”, is paired with Bavar-373 air defense system.',
    'It hit a target at a distance of over 300 km.',
    'F-16 jets flew over the border.',
    'Resolution 2231 was adopted unanimously.',
    'The 2017 offensive failed.',
    'Reinforcements of 2000 troops arrived, up by 2000 soldiers.',
    'Protesters march to the square.',
    'Troops may strike.',
    'Black September was a turning point.',
    'The Sunday Times reported it.',
    'The Sun reported it on the front page.',
    'Jan Egeland said aid was blocked.',
    'The 9/11 attacks changed the war.',
    'The ceasefire held for two weeks.',
    'Two weeks later the town fell.',
    'The next day the town fell.',
    'A day earlier the town fell.',
    'It was International Mine Awareness Day.',
    // looks back over a stretch it does not date; not "ten years from now"
    'It was the first time in 10 years.',
  ];
  for (const text of none) assert.deepEqual(times(text), [], text);
  // A count before the weekday stays out of the date.
  assert.equal(one('The strike killed 17 on Monday.'), 'Monday 2023-04-03..2023-04-03 day');
  assert.equal(one('Since 7 October, 30,000 people have died.'), '7 October 2022-10-07..2022-10-07 day BG');
});

test('month and weekday abbreviations count with a number', () => {
  assert.equal(one('He arrived on Jan. 3, 2020.'), 'Jan. 3, 2020 2020-01-03..2020-01-03 day BG');
  assert.equal(one('He arrived Mon 3 Apr 2023.'), 'Mon 3 Apr 2023 2023-04-03..2023-04-03 day');
});

test('seasons sharpen a year without changing its precision', () => {
  assert.equal(one('It was tested in summer 2019.'), 'summer 2019 2019-01-01..2019-12-31 year BG');
});

test('mentions sit on token boundaries and are exact slices of the text', () => {
  const doc = run('Since militancy erupted in early 2011, and early on Tuesday, the Bavar-373 fired; last month too.');
  assert.equal(doc.times.length, 3);
  for (const t of doc.times) {
    const m = t.mention;
    assert.equal(doc.tokens[m.first].start, m.start);
    assert.equal(doc.tokens[m.last - 1].end, m.end);
    assert.equal(doc.tokens[m.first].sent, m.sent);
  }
});

test('timesInSentence and datelineTime serve the events stage', () => {
  const doc = new Doc('DAMASCUS, April 4 (Reuters) - Israel struck on Tuesday. In 2017, advisers arrived.', { published: WED });
  tokens.run(doc);
  const dash = doc.text.indexOf('-') + 1;
  doc.dateline = { mention: doc.mention(0, 1), span: doc.span(0, dash) };
  dates.run(doc);
  assert.equal(datelineTime(doc)?.start, '2023-04-04');
  // The dateline is never future, whatever the first sentence goes on to say.
  assert.equal(one('CAIRO, April 4 (Reuters) - Egypt will host talks.'), 'April 4 2023-04-04..2023-04-04 day');
  const last = doc.sentences[doc.sentences.length - 1];
  assert.deepEqual(timesInSentence(doc, last).map((t) => t.start), ['2017-01-01']);
  assert.deepEqual(timesInSentence(doc, last.i).map((t) => t.precision), ['year']);
});

test('a date that is part of a name is not a time: streets, quarters, movements', () => {
  assert.deepEqual(times('Shells hit the July 7 neighbourhood of Hodeidah.'), []);
  assert.deepEqual(times('Traffic stopped on 26 September Street.'), []);
  assert.deepEqual(times('Gunmen fired at 7 July and Engineering College areas of the city.'), []);
  assert.deepEqual(times('Hundreds of October revolution protesters marched.'), []);
  // A date with a year or a weekday is a date whatever follows it; so is one before a subject.
  assert.equal(one('On 9 May 2020 district officials met.'), '9 May 2020 2020-05-09..2020-05-09 day BG');
  assert.equal(one('On March 30 protesters gathered.'), 'March 30 2023-03-30..2023-03-30 day');
});

test('text without capitals: full weekday and month names are dates, the ones that are common words are not', () => {
  assert.equal(one('two engineers were kidnapped thursday near the dam.'), 'thursday 2023-03-30..2023-03-30 day');
  assert.equal(one('the talks resumed in february.'), 'february 2023-02-01..2023-02-28 month');
  assert.deepEqual(times('the rebels may march on the city.'), []);
  assert.deepEqual(times('talks with jan in the sun.'), []);
});

test('text without capitals: "may", "march", "august" beside a day of the month are dates', () => {
  assert.equal(one('the station was bombed on 2 march.'), '2 march 2023-03-02..2023-03-02 day');
  assert.equal(one('rebels shelled the town on august 14, residents said.'), 'august 14 2022-08-14..2022-08-14 day BG');
  assert.deepEqual(times('officials fear 25 may die.'), []);
  assert.deepEqual(times('the storm may 10 times worsen.'), []);
});

test('"the night of" a date is that date, not the month', () => {
  assert.equal(one('Gunmen raided the village on the night of 2 April 2023, residents said.'), 'night of 2 April 2023 2023-04-02..2023-04-02 day');
  assert.equal(one('The shelling began on the morning of March 30.'), 'morning of March 30 2023-03-30..2023-03-30 day');
});
