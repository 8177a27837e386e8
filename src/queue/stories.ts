// A generated corpus of stories, each told by several outlets in their own words, for the queue's
// tests and its kill/throughput tool (../tools/queue-kill.ts): reports of one story should end in
// one incident whoever stores them and in whatever order; stories are spread over cities and days
// so that no two of them are one incident. Seeded, so every run reads the same text.
import { rng } from '../tools/corpus.js';

// Cities of the gazetteer, with the forces a report names.
const CITIES = [
  ['Aleppo', 'Syrian government'],
  ['Idlib', 'Russian'],
  ['Kharkiv', 'Russian'],
  ['Odesa', 'Russian'],
  ['Khan Younis', 'Israeli'],
  ['Tyre', 'Israeli'],
  ['Hodeidah', 'Saudi-led coalition'],
  ['El Fasher', 'Rapid Support Forces'],
  ['Mosul', 'US-led coalition'],
  ['Gao', 'Malian army'],
] as const;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const BACKGROUND = [
  'Residents said the area had been relatively calm in the preceding weeks.',
  'Aid agencies have warned that hospitals in the region are short of fuel and medicine.',
  'The government did not immediately respond to a request for comment.',
  'Many families have already left for safer districts, according to local volunteers.',
  'The reports could not be independently verified.',
];

export interface Report {
  id: string;
  url: string;
  outlet: string;
  published: string;
  title: string;
  text: string;
}

/**
 * `stories` stories, each told by `perStory` outlets: one air strike in a city on a day, with the
 * same toll, in a wording of each outlet's own, among background sentences. A city's stories are
 * weeks apart (beyond any linking window).
 */
export function storyReports(stories: number, perStory: number, seed = 7): Report[] {
  const r = rng(seed);
  const out: Report[] = [];
  const day0 = Date.UTC(2021, 0, 4);
  for (let i = 0; i < stories; i++) {
    const [city, forces] = CITIES[i % CITIES.length];
    // Each city every CITIES.length stories, three days apart: thirty days between a city's stories.
    const when = new Date(day0 + i * 3 * 86_400_000);
    const date = `${when.getUTCDate()} ${MONTHS[when.getUTCMonth()]} ${when.getUTCFullYear()}`;
    const published = new Date(when.getTime() + 86_400_000).toISOString().slice(0, 10);
    const dead = 2 + Math.floor(r() * 30);
    const wordings = [
      `${forces} warplanes struck a residential district of ${city} on ${date}, killing ${dead} civilians, local officials said.`,
      `An air strike by ${forces} forces hit a neighbourhood of ${city} on ${date}; ${dead} civilians were killed, according to medics.`,
      `${dead} civilians died when ${forces} jets bombed ${city} on ${date}, a monitoring group reported.`,
      `Medics in ${city} said ${dead} civilians were killed in an air strike by ${forces} forces on ${date}.`,
    ];
    for (let k = 0; k < perStory; k++) {
      const background = [0, 1].map(() => BACKGROUND[Math.floor(r() * BACKGROUND.length)]);
      out.push({
        id: `s${i}-${k}`,
        url: `https://outlet${k}.example/news/${i}`,
        outlet: `Outlet ${k}`,
        published,
        title: `Air strike in ${city}`,
        text: `${wordings[k % wordings.length]} ${background[0]}\n\n${background[1]}`,
      });
    }
  }
  return out;
}
