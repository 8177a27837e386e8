// A generated corpus for benchmarks: ~4 KB conflict reports assembled from sentence templates
// with a seeded random generator, so every run reads the same text. Not for scoring quality:
// its only job is to look like news to the pipeline's cost model (names, places, numbers,
// quotes, dates; most sentences context without an event, as in real reports), at any
// size.

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    // xorshift32
    s ^= s << 13;
    s >>>= 0;
    s ^= s >> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

const PLACES = [
  ['Damascus', 'Syria', 'Syrian'],
  ['Aleppo', 'Syria', 'Syrian'],
  ['Idlib', 'Syria', 'Syrian'],
  ['Kharkiv', 'Ukraine', 'Ukrainian'],
  ['Odesa', 'Ukraine', 'Ukrainian'],
  ['Donetsk', 'Ukraine', 'Ukrainian'],
  ['Khan Younis', 'Gaza', 'Palestinian'],
  ['Tyre', 'Lebanon', 'Lebanese'],
  ['Sanaa', 'Yemen', 'Yemeni'],
  ['Hodeidah', 'Yemen', 'Yemeni'],
  ['El Fasher', 'Sudan', 'Sudanese'],
  ['Mogadishu', 'Somalia', 'Somali'],
  ['Goma', 'Democratic Republic of the Congo', 'Congolese'],
  ['Mosul', 'Iraq', 'Iraqi'],
  ['Gao', 'Mali', 'Malian'],
];
const ACTORS = ['Israeli', 'Russian', 'Syrian', 'Ukrainian', 'Saudi-led coalition', 'Sudanese army', 'Houthi', 'Hezbollah', 'al-Shabaab', 'M23'];
const PEOPLE = [
  ['Ahmad', 'Haddad', 'defense minister'],
  ['Olena', 'Kovalenko', 'regional governor'],
  ['Youssef', 'Mansour', 'army spokesman'],
  ['Maria', 'Petrova', 'foreign ministry spokeswoman'],
  ['Ibrahim', 'Nour', 'deputy interior minister'],
  ['James', 'Carter', 'UN envoy'],
];
const NUM = ['two', 'three', 'five', 'seven', '12', '14', 'at least 20', 'dozens of'];
const DAYS = ['on Monday', 'early on Tuesday', 'on Wednesday night', 'late Thursday', 'on Friday', 'at dawn on Saturday', 'on Sunday'];
const AGENCIES = ['SANA', 'Reuters', 'the Associated Press', 'AFP', 'IRNA', 'TASS', 'Ukrinform'];

function pick<T>(r: () => number, xs: T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function sentence(r: () => number): string {
  const [city, country, demonym] = pick(r, PLACES);
  const [first, last, role] = pick(r, PEOPLE);
  const actor = pick(r, ACTORS);
  const n = pick(r, NUM);
  const day = pick(r, DAYS);
  const agency = pick(r, AGENCIES);
  const templates = [
    `${actor} forces launched a wave of air strikes near ${city} ${day}, killing ${n} civilians, according to local officials.`,
    `${first} ${last}, ${country}'s ${role}, said the attack was "a grave violation of international law and will not go unanswered".`,
    `An anonymous military source told ${agency} that ${demonym} air defenses intercepted most of the missiles over ${city}.`,
    `${last} added that ${n} soldiers were wounded in clashes on the outskirts of ${city}.`,
    `Witnesses said shelling hit a market in the centre of ${city} ${day}, and ${n} people were killed.`,
    `"We are ready to defend every village," ${last} told reporters in ${city}, adding that reinforcements had arrived.`,
    `In July 2020, the two governments agreed to expand military cooperation, ${agency} reported.`,
    `The ${demonym} foreign ministry condemned the strikes and appealed to the UN Security Council to intervene.`,
    `Protesters gathered in central ${city} ${day} to demand an end to the fighting; police arrested ${n} of them.`,
    `A roadside bomb exploded near a checkpoint south of ${city}, wounding ${n} members of the security forces.`,
    `The ministry denied carrying out any strike in ${country} and said the reports were fabricated.`,
    `Since the conflict began in 2011, more than ${n} thousand people have been displaced from ${city} province.`,
  ];
  // Real reports tell one or two incidents and spend most sentences on context, reaction and
  // background: about two sentences in three here carry no event, which gives the event density
  // of the dev set (test/gold: ≈ 14 events per 4 KB).
  const context = [
    `${city} has been a focus of the conflict for months, and many residents have left for safer areas.`,
    `The ${demonym} government has not commented publicly on the reports, which could not be independently verified.`,
    `${first} ${last}, who has served as ${role} since last year, is expected to brief lawmakers later this week.`,
    `Aid agencies say food prices in ${city} have doubled since the start of the year, and fuel is scarce.`,
    `"People are exhausted and want to know what comes next," said a teacher in ${city} who asked not to be named.`,
    `Diplomats from several countries are due to discuss the situation at a meeting in Geneva.`,
    `Analysts say the fighting around ${city} reflects a broader struggle for control of the region's roads and border crossings.`,
    `Schools in parts of ${country} remain closed, and hospitals report shortages of medicine and staff.`,
  ];
  return r() < 0.65 ? pick(r, context) : pick(r, templates);
}

/** One article of about `bytes` characters, in paragraphs of two or three sentences. */
export function article(r: () => number, bytes = 4000): string {
  const [city] = pick(r, PLACES);
  const paras: string[] = [`${city.toUpperCase()} - ${sentence(r)}`];
  let size = paras[0].length;
  while (size < bytes) {
    const p = [sentence(r), sentence(r), r() < 0.5 ? sentence(r) : ''].filter(Boolean).join(' ');
    paras.push(p);
    size += p.length + 2;
  }
  return paras.join('\n\n');
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The same article as a news page with navigation, a cookie banner and related links. */
export function page(r: () => number, text: string, i: number): string {
  const paras = text.split('\n\n');
  const nav = Array.from({ length: 30 }, (_, k) => `<li><a href="/section/${k}">Section ${k}</a></li>`).join('');
  const related = Array.from({ length: 12 }, (_, k) => `<li><a href="/news/${i}-${k}">Related story number ${k} about ${pick(r, PLACES)[0]}</a></li>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Report ${i} | Example News</title>
<meta property="og:title" content="Report ${i}"><meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-03-0${(i % 9) + 1}T08:00:00Z"><link rel="canonical" href="https://news.example/${i}">
<style>body{font-family:sans-serif}${'.c{color:red}'.repeat(40)}</style></head>
<body><header><nav><ul>${nav}</ul></nav><div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div></header>
<main><article><h1>Report ${i}</h1><div class="byline">By Staff Writer</div>
${paras.map((p) => `<p>${escape(p)}</p>`).join('\n')}
<div class="newsletter">Sign up for our daily briefing. <form><input type="email"></form></div></article>
<aside><h2>Related</h2><ul>${related}</ul></aside></main>
<footer>${'<p>© Example News. All rights reserved. Terms. Privacy. Contact.</p>'.repeat(5)}</footer>
<script>${'var x = 1;'.repeat(500)}</script></body></html>`;
}

/**
 * n generated reports as JSONL lines ({id, url, published, outlet, text}), published over two
 * years: a backfill, not one crowded day (see the store README's notes on linking).
 */
export function generatedReports(n: number, seed: number): string[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const published = new Date(Date.UTC(2022, 0, 1) + Math.floor(r() * 730) * 86_400_000).toISOString().slice(0, 10);
    return JSON.stringify({ id: `b${i}`, url: `https://bench.example/${i}`, published, outlet: `Outlet ${i % 12}`, text: article(r, 3000) });
  });
}
